//! The embedded fonts and what is known of them before drawing: each face's character map
//! and advance widths (read with skrifa), the script of each character (from its Unicode
//! Script_Extensions) and the font runs a line is split into. Thai clusters whose stacked marks
//! need drawing through outlines are found here too.

use std::sync::LazyLock;

use icu_segmenter::GraphemeClusterSegmenter;
use krilla::surface::Location;
use krilla::text::{Font, Glyph, GlyphId};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};
use unicode_normalization::char::is_combining_mark;
use unicode_script::{Script as UnicodeScriptName, UnicodeScript};

static LATIN_REGULAR: &[u8] = include_bytes!("../../../fonts/NotoSerif-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../../../fonts/NotoSerif-Bold.ttf");
static THAI_REGULAR: &[u8] = include_bytes!("../../../fonts/NotoSerifThai-Regular.ttf");
static THAI_BOLD: &[u8] = include_bytes!("../../../fonts/NotoSerifThai-Bold.ttf");
static CJK_REGULAR: &[u8] = include_bytes!("../../../fonts/NotoSansCJK-Regular.ttc");
/// Face of the collection that is "Noto Sans CJK TC" (Traditional Chinese glyph forms).
const CJK_FACE_INDEX: u32 = 3;

/// The fonts, parsed once per process.
pub(super) static FONTS: LazyLock<Option<FontSet>> = LazyLock::new(FontSet::load);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Thai,
    Cjk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

/// A font for drawing (krilla) together with the metrics used to measure text before drawing.
pub(super) struct Face {
    pub(super) font: Font,
    pub(super) metrics: Metrics,
    pub(super) script: Script,
}

impl Face {
    fn load(data: &'static [u8], index: u32, script: Script) -> Option<Face> {
        Some(Face {
            font: Font::new(data.into(), index)?,
            metrics: Metrics::parse(data, index)?,
            script,
        })
    }
}

pub(super) struct FontSet {
    latin: Face,
    latin_bold: Face,
    thai: Face,
    thai_bold: Face,
    cjk: Face,
}

impl FontSet {
    fn load() -> Option<FontSet> {
        Some(FontSet {
            latin: Face::load(LATIN_REGULAR, 0, Script::Latin)?,
            latin_bold: Face::load(LATIN_BOLD, 0, Script::Latin)?,
            thai: Face::load(THAI_REGULAR, 0, Script::Thai)?,
            thai_bold: Face::load(THAI_BOLD, 0, Script::Thai)?,
            cjk: Face::load(CJK_REGULAR, CJK_FACE_INDEX, Script::Cjk)?,
        })
    }

    pub(super) fn face(&self, script: Script, weight: Weight) -> &Face {
        match (script, weight) {
            (Script::Latin, Weight::Regular) => &self.latin,
            (Script::Latin, Weight::Bold) => &self.latin_bold,
            (Script::Thai, Weight::Regular) => &self.thai,
            (Script::Thai, Weight::Bold) => &self.thai_bold,
            (Script::Cjk, _) => &self.cjk,
        }
    }

    /// The script whose font draws `c`: its own script's font when that font has the character,
    /// otherwise the first font that has it.
    pub(super) fn covering(&self, script: Script, c: char) -> Script {
        if self.face(script, Weight::Regular).metrics.has(c) {
            return script;
        }
        [Script::Latin, Script::Cjk, Script::Thai]
            .into_iter()
            .find(|&s| self.face(s, Weight::Regular).metrics.has(c))
            .unwrap_or(script)
    }

    /// The script of the font run that `c` starts or continues: its own script when that
    /// script's font has it, otherwise the first font that has it (see [`script_of`]).
    pub(super) fn run_script(&self, c: char) -> Option<Script> {
        script_of(c).map(|script| self.covering(script, c))
    }

    /// Splits an NFC string into font runs and measures them.
    pub(super) fn line(&self, text: &str, weight: Weight) -> Line<'_> {
        let runs: Vec<Run<'_>> = split_runs(text, |c| self.run_script(c), Script::Latin)
            .into_iter()
            .map(|(script, text)| {
                let face = self.face(script, weight);
                let em_width = face.metrics.em_width(&text);
                Run {
                    face,
                    text,
                    em_width,
                }
            })
            .collect();
        let em_width = runs.iter().map(|r| r.em_width).sum();
        Line { runs, em_width }
    }
}

/// The script of a character that starts or continues a run, or `None` for characters that
/// stay with the run before them (combining marks, spaces, invisible format controls).
///
/// The script comes from the character's Unicode Script_Extensions property: Latin when it
/// includes Latin, otherwise Thai or CJK (Han, Hiragana, Katakana, Bopomofo, Hangul) when it
/// includes one of them, otherwise Latin. Characters common to all scripts (digits, most
/// punctuation) count as Latin here; [`FontSet::run_script`] sends those that the Latin font
/// lacks to a font that has them.
fn script_of(c: char) -> Option<Script> {
    if c.is_whitespace()
        || is_combining_mark(c)
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    {
        return None;
    }
    let scripts = c.script_extension();
    let script = if scripts.contains_script(UnicodeScriptName::Latin) {
        Script::Latin
    } else if scripts.contains_script(UnicodeScriptName::Thai) {
        Script::Thai
    } else if EAST_ASIAN_SCRIPTS
        .into_iter()
        .any(|script| scripts.contains_script(script))
    {
        Script::Cjk
    } else {
        Script::Latin
    };
    Some(script)
}

/// The scripts set in the CJK font.
const EAST_ASIAN_SCRIPTS: [UnicodeScriptName; 5] = [
    UnicodeScriptName::Han,
    UnicodeScriptName::Hiragana,
    UnicodeScriptName::Katakana,
    UnicodeScriptName::Bopomofo,
    UnicodeScriptName::Hangul,
];

/// Splits `text` into maximal runs of characters of the same class. Characters whose class is
/// `None` join the run before them; at the start of the text they join the first run, and a
/// text made only of them becomes one run of class `default`.
fn split_runs<K: Copy + PartialEq>(
    text: &str,
    mut class: impl FnMut(char) -> Option<K>,
    default: K,
) -> Vec<(K, String)> {
    let mut runs: Vec<(K, String)> = Vec::new();
    let mut leading = String::new();
    for c in text.chars() {
        match (class(c), runs.last_mut()) {
            (None, Some((_, run))) => run.push(c),
            (None, None) => leading.push(c),
            (Some(k), Some((last, run))) if *last == k => run.push(c),
            (Some(k), _) => {
                let mut run = std::mem::take(&mut leading);
                run.push(c);
                runs.push((k, run));
            }
        }
    }
    if !leading.is_empty() {
        runs.push((default, leading));
    }
    runs
}

/// Splits Thai text into segments of whole clusters (grapheme clusters: a base character with
/// the marks that follow it, SARA AM included), each flagged when its cluster has stacked
/// marks that shaping moves to the left: two marks above PO PLA, FO FA, FO FAN, LO CHULA or
/// CHO CHING, or three marks above any base. Those clusters are drawn through the outline path
/// of [`Painter::draw_run`](super::paint::Painter::draw_run).
pub(super) fn thai_segments(text: &str) -> Vec<(bool, &str)> {
    let bounds: Vec<usize> = GraphemeClusterSegmenter::new().segment_str(text).collect();
    let clusters: Vec<(usize, bool)> = bounds
        .windows(2)
        .map(|pair| (pair[1], leaning_stack(&text[pair[0]..pair[1]])))
        .collect();
    let mut segments: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    for (index, &(end, stacked)) in clusters.iter().enumerate() {
        if clusters.get(index + 1).map(|c| c.1) != Some(stacked) {
            segments.push((stacked, &text[start..end]));
            start = end;
        }
    }
    segments
}

/// Whether a Thai cluster carries marks above that shaping moves to the left (see
/// [`thai_segments`]).
fn leaning_stack(cluster: &str) -> bool {
    let mut chars = cluster.chars();
    let Some(base) = chars.next() else {
        return false;
    };
    let above = chars
        .filter(|&c| matches!(c, '\u{E31}' | '\u{E33}'..='\u{E37}' | '\u{E47}'..='\u{E4E}'))
        .count();
    let leaning = matches!(base, 'ป' | 'ฝ' | 'ฟ' | 'ฬ' | 'ฉ');
    above >= 3 || (above >= 2 && leaning)
}

/// A run of text drawn with one font.
pub(super) struct Run<'f> {
    pub(super) face: &'f Face,
    pub(super) text: String,
    /// Advance width at a font size of 1.
    pub(super) em_width: f32,
}

/// One line of text made of runs laid out left to right.
pub(super) struct Line<'f> {
    pub(super) runs: Vec<Run<'f>>,
    /// Advance width at a font size of 1.
    pub(super) em_width: f32,
}

// ---------------------------------------------------------------------------------------------
// Font metrics, used to measure runs before they are drawn
// ---------------------------------------------------------------------------------------------

/// Character to glyph mapping and horizontal advances of one font face.
pub(super) struct Metrics {
    charmap: Charmap<'static>,
    advances: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Metrics {
    /// Reads the metrics of face `index` of `data` (collections hold several faces), in font
    /// units.
    fn parse(data: &'static [u8], index: u32) -> Option<Metrics> {
        let font = FontRef::from_index(data, index).ok()?;
        let units_per_em = font
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em;
        let charmap = font.charmap();
        if units_per_em == 0 || !charmap.has_map() {
            return None;
        }
        Some(Metrics {
            charmap,
            advances: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em: f32::from(units_per_em),
        })
    }

    /// The nominal glyph of `c`, or 0 (the missing glyph) when the font does not map it.
    fn glyph(&self, c: char) -> u32 {
        self.charmap.map(c).map_or(0, |glyph| glyph.to_u32())
    }

    pub(super) fn has(&self, c: char) -> bool {
        self.glyph(c) != 0
    }

    /// The advance width of `glyph` in font units.
    fn advance(&self, glyph: u32) -> f32 {
        self.advances
            .advance_width(skrifa::GlyphId::new(glyph))
            .unwrap_or(0.0)
    }

    /// Unshaped glyphs for `text`: one for each character with an advance, standing for that
    /// character and the zero-width characters (marks) after it, at its nominal advance.
    pub(super) fn plain_glyphs(&self, text: &str) -> Vec<PlainGlyph> {
        let mut glyphs: Vec<PlainGlyph> = Vec::new();
        for (i, c) in text.char_indices() {
            let id = self.glyph(c);
            let advance = self.advance(id) / self.units_per_em;
            let end = i + c.len_utf8();
            match glyphs.last_mut() {
                Some(last) if advance == 0.0 => last.range.end = end,
                _ => glyphs.push(PlainGlyph {
                    id,
                    range: i..end,
                    advance,
                }),
            }
        }
        glyphs
    }

    /// The advance width of `text` at a font size of 1.
    pub(super) fn em_width(&self, text: &str) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            / self.units_per_em
    }
}

/// A glyph that stands for a range of the text, placed at its nominal advance.
pub(super) struct PlainGlyph {
    id: u32,
    range: std::ops::Range<usize>,
    /// Advance at a font size of 1.
    advance: f32,
}

impl Glyph for PlainGlyph {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(self.id)
    }

    fn text_range(&self) -> std::ops::Range<usize> {
        self.range.clone()
    }

    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }

    fn x_offset(&self, _size: f32) -> f32 {
        0.0
    }

    fn y_offset(&self, _size: f32) -> f32 {
        0.0
    }

    fn y_advance(&self, _size: f32) -> f32 {
        0.0
    }

    fn location(&self) -> Option<Location> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificates::pdf::tests::VI_NFD;

    /// `s` split into runs as the renderer splits it.
    fn runs(s: &str) -> Vec<(Script, String)> {
        let fonts = FONTS.as_ref().unwrap();
        split_runs(s, |c| fonts.run_script(c), Script::Latin)
    }

    #[test]
    fn runs_split_by_script() {
        assert_eq!(
            runs("สมชาย ใจดี"),
            vec![(Script::Thai, "สมชาย ใจดี".to_string())]
        );
        assert_eq!(
            runs("Lê Văn Minh 黎文明"),
            vec![
                (Script::Latin, "Lê Văn Minh ".to_string()),
                (Script::Cjk, "黎文明".to_string()),
            ]
        );
        assert_eq!(
            runs("陳淑芬 (Chen)"),
            vec![
                (Script::Cjk, "陳淑芬 ".to_string()),
                (Script::Latin, "(Chen)".to_string()),
            ]
        );
        assert_eq!(
            runs("ข้อ 1：測試、ㄅㄆ"),
            vec![
                (Script::Thai, "ข้อ ".to_string()),
                (Script::Latin, "1".to_string()),
                (Script::Cjk, "：測試、ㄅㄆ".to_string()),
            ]
        );
    }

    #[test]
    fn scripts_come_from_the_unicode_script_property() {
        for (c, script) in [
            ('a', Some(Script::Latin)),
            ('ễ', Some(Script::Latin)),
            ('1', Some(Script::Latin)),
            // Shared with Han, but also with Latin: stays in the Latin run.
            ('·', Some(Script::Latin)),
            ('ก', Some(Script::Thai)),
            ('๙', Some(Script::Thai)),
            ('陳', Some(Script::Cjk)),
            ('ア', Some(Script::Cjk)),
            ('ㄅ', Some(Script::Cjk)),
            ('한', Some(Script::Cjk)),
            // CJK punctuation, by its script extensions.
            ('、', Some(Script::Cjk)),
            ('ー', Some(Script::Cjk)),
            (' ', None),
            ('\u{3000}', None),
            ('\u{E49}', None),
            ('\u{301}', None),
            ('\u{200B}', None),
        ] {
            assert_eq!(script_of(c), script, "{c:?}");
        }
    }

    #[test]
    fn marks_and_spaces_never_start_a_run() {
        // Combining marks stay on their base, even when the base is in another script.
        assert_eq!(runs(VI_NFD), vec![(Script::Latin, VI_NFD.to_string())]);
        assert_eq!(
            runs("ก\u{301}a\u{E49}"),
            vec![
                (Script::Thai, "ก\u{301}".to_string()),
                (Script::Latin, "a\u{E49}".to_string()),
            ]
        );
        // Leading spaces and marks join the first run; text made only of them is one run.
        assert_eq!(
            runs(" \u{301}陳"),
            vec![(Script::Cjk, " \u{301}陳".to_string())]
        );
        assert_eq!(runs("  "), vec![(Script::Latin, "  ".to_string())]);
        assert!(runs("").is_empty());
        // An ideographic space after Latin text stays with it.
        assert_eq!(
            runs("A\u{3000}文"),
            vec![
                (Script::Latin, "A\u{3000}".to_string()),
                (Script::Cjk, "文".to_string()),
            ]
        );
    }

    #[test]
    fn cjk_face_is_traditional_chinese() {
        let font = FontRef::from_index(CJK_REGULAR, CJK_FACE_INDEX).unwrap();
        let family = font
            .localized_strings(skrifa::string::StringId::FAMILY_NAME)
            .english_or_first()
            .map(|name| name.to_string());
        assert_eq!(family.as_deref(), Some("Noto Sans CJK TC"));
    }

    #[test]
    fn fonts_cover_their_scripts_and_fall_back() {
        let fonts = FONTS.as_ref().expect("fonts load");
        assert!(fonts.latin.metrics.has('ễ'));
        assert!(fonts.latin_bold.metrics.has('ự'));
        assert!(fonts.thai.metrics.has('ช'));
        assert!(fonts.thai_bold.metrics.has('\u{E49}'));
        assert!(fonts.cjk.metrics.has('陳'));
        assert!(!fonts.latin.metrics.has('陳'));
        // Kana is not in the Latin font: it falls back to the CJK font.
        assert_eq!(fonts.covering(Script::Latin, 'ア'), Script::Cjk);
        assert_eq!(fonts.covering(Script::Cjk, '陳'), Script::Cjk);
        // Thai marks take no room; ideographs are one em wide.
        assert_eq!(fonts.thai.metrics.em_width("\u{E49}"), 0.0);
        assert!((fonts.cjk.metrics.em_width("陳淑芬") - 3.0).abs() < 1e-3);
        let line = fonts.line("Lê Văn Minh 黎文明", Weight::Bold);
        assert_eq!(line.runs.len(), 2);
        assert!(line.em_width > 3.0);
    }

    #[test]
    fn thai_clusters_with_leaning_stacks_are_flagged() {
        let flagged = |s: &str| -> Vec<String> {
            thai_segments(s)
                .into_iter()
                .filter(|(stacked, _)| *stacked)
                .map(|(_, t)| t.to_string())
                .collect()
        };
        assert_eq!(flagged("ปิ่นทอง"), vec!["ปิ่"]);
        assert_eq!(flagged("ฟื้นฟู ฝั่ง ฉื่น"), vec!["ฟื้", "ฝั่", "ฉื่"]);
        assert_eq!(flagged("ปํ่า"), vec!["ปํ่"]);
        assert_eq!(flagged("ป่ำ"), vec!["ป่ำ"]);
        assert!(flagged("สมชาย ใจดี เพื่อ ที่ น้ำ ปิ ฟ้า ปู่ กุ้ง").is_empty());
        let text = "น้ำผึ้ง ปิ่นทอง";
        let joined: String = thai_segments(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(joined, text);
    }
}
