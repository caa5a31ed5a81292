//! Renders a certificate of completion as a one-page, A4 landscape PDF.
//!
//! Text is set in embedded Noto fonts: Noto Serif for Latin script (including Vietnamese), Noto
//! Serif Thai for Thai and Noto Sans CJK TC for Han and the other CJK characters. Every string is
//! NFC-normalised and split into script runs; each run is shaped with its own font and the runs
//! are laid out left to right, so one line may mix scripts. Lines that are too wide are wrapped
//! at spaces where that is allowed and otherwise set smaller until they fit.
//!
//! The payload is drawn as a QR code and stored as plain ASCII in the document metadata: as the
//! `/Subject` of the document information dictionary and as `dc:description` in the (uncompressed)
//! XMP metadata stream, where [`find_payload`](super::payload::find_payload) finds it.

use std::ops::Range;
use std::sync::LazyLock;

use icu_segmenter::{GraphemeClusterSegmenter, LineSegmenter};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::{Location, Surface};
use krilla::text::{Font, Glyph, GlyphId, TextDirection};
use qrcode::{Color, EcLevel, QrCode};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_script::{Script as UnicodeScriptName, UnicodeScript};

use super::payload::is_payload;
use crate::locale::Locale;

/// Everything printed on a certificate, already translated and formatted.
#[derive(Debug, Clone)]
pub struct CertificateDoc {
    /// The learner's language; decides the `lang` of the document and the main texts.
    pub locale: Locale,
    /// Heading in the learner's language, e.g. "Certificate of Completion".
    pub heading: String,
    /// The same heading in English (printed smaller under it; equal to `heading` when the locale
    /// is English, then it is printed once).
    pub heading_en: String,
    /// e.g. "This certifies that"
    pub presented_to: String,
    /// The learner's name (any script).
    pub name: String,
    /// e.g. "has completed the APEC SME Digital Resilience Training Workshop" (learner's language)
    pub achievement: String,
    /// The English line, e.g. "has completed the APEC SME Digital Resilience Training Workshop,
    /// Malaysia 2018"; printed smaller when the locale is not English, skipped when it is.
    pub achievement_en: String,
    /// e.g. "Malaysia · 2018" or "Thailand — Bangkok · 2018" (learner's language)
    pub workshop_line: String,
    /// Label and value pairs printed near the bottom, e.g. ("Date of completion",
    /// "27 November 2026"), ("Certificate ID", "SDR-2018TH-7K3F9QXD"), ("Score", "86%").
    /// 2 to 4 entries; entries after the fourth are not printed.
    pub details: Vec<(String, String)>,
    /// Heading of the modules list, e.g. "Modules completed".
    pub modules_heading: String,
    /// Titles of the modules completed (learner's language), 1 to 12 entries, printed in one
    /// centred column (up to three titles) or two; titles after the twelfth are not printed.
    pub modules: Vec<String>,
    /// Small text under the QR code, e.g. "Scan to verify, or run: sdr verify <file>".
    pub verify_hint: String,
    /// The text encoded in the QR code and stored in the PDF metadata: `SDR1.` followed by
    /// base64url characters (`[A-Za-z0-9_-]`) and `.` separators.
    pub payload: String,
    /// The document title for the PDF metadata, e.g. "Certificate of Completion — Nguyễn Thị Hương".
    pub title: String,
    /// The issuing installation's key fingerprint for display, e.g. "3f2a 9c01 77be 4d10".
    pub issuer_fingerprint: String,
    /// Label for the fingerprint, e.g. "Issuer key".
    pub issuer_label: String,
}

/// Why a certificate could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The payload is not `SDR1.` followed by non-empty, `.`-separated base64url segments
    /// (at most 4096 characters after the prefix).
    #[error("the certificate payload is not a well-formed SDR1 token")]
    InvalidPayload,
    /// The payload does not fit in a QR code.
    #[error("the certificate payload cannot be encoded as a QR code: {0}")]
    QrCode(String),
    /// The embedded fonts could not be read.
    #[error("the embedded certificate fonts could not be loaded")]
    Fonts,
    /// The PDF writer failed.
    #[error("the certificate PDF could not be written: {0}")]
    Render(String),
}

/// Renders one certificate to PDF bytes.
///
/// The output depends only on `doc`: the same input gives the same bytes.
pub fn render(doc: &CertificateDoc) -> Result<Vec<u8>, PdfError> {
    if !is_payload(&doc.payload) {
        return Err(PdfError::InvalidPayload);
    }
    let fonts = FONTS.as_ref().ok_or(PdfError::Fonts)?;
    let qr = qr_code(&doc.payload)?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Render("invalid page size".into()))?;

    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(nfc(&doc.title))
            .description(doc.payload.clone())
            .creator(CREATOR.to_string())
            .language(language_tag(doc.locale).to_string()),
    );
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    Painter {
        surface: &mut surface,
        fonts,
    }
    .certificate(doc, &qr);
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|e| PdfError::Render(format!("{e:?}")))
}

fn language_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "en",
        Locale::Ms => "ms",
        Locale::Fil => "fil",
        Locale::ZhHant => "zh-Hant-TW",
        Locale::Th => "th",
        Locale::Vi => "vi",
    }
}

/// `s` in NFC, with control characters (tabs, line breaks) turned into spaces.
fn nfc(s: &str) -> String {
    s.nfc()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------

static LATIN_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerif-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerif-Bold.ttf");
static THAI_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSerifThai-Regular.ttf");
static THAI_BOLD: &[u8] = include_bytes!("../../fonts/NotoSerifThai-Bold.ttf");
static CJK_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansCJK-Regular.ttc");
/// Face of the collection that is "Noto Sans CJK TC" (Traditional Chinese glyph forms).
const CJK_FACE_INDEX: u32 = 3;

/// The fonts, parsed once per process.
static FONTS: LazyLock<Option<FontSet>> = LazyLock::new(FontSet::load);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Thai,
    Cjk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

/// A font for drawing (krilla) together with the metrics used to measure text before drawing.
struct Face {
    font: Font,
    metrics: Metrics,
    script: Script,
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

struct FontSet {
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

    fn face(&self, script: Script, weight: Weight) -> &Face {
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
    fn covering(&self, script: Script, c: char) -> Script {
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
    fn run_script(&self, c: char) -> Option<Script> {
        script_of(c).map(|script| self.covering(script, c))
    }

    /// Splits an NFC string into font runs and measures them.
    fn line(&self, text: &str, weight: Weight) -> Line<'_> {
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
/// of [`Painter::draw_run`].
fn thai_segments(text: &str) -> Vec<(bool, &str)> {
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
struct Run<'f> {
    face: &'f Face,
    text: String,
    /// Advance width at a font size of 1.
    em_width: f32,
}

/// One line of text made of runs laid out left to right.
struct Line<'f> {
    runs: Vec<Run<'f>>,
    /// Advance width at a font size of 1.
    em_width: f32,
}

/// Lines set at one font size.
struct Block<'f> {
    lines: Vec<Line<'f>>,
    size: f32,
}

impl Block<'_> {
    fn width(&self) -> f32 {
        self.lines
            .iter()
            .map(|l| l.em_width * self.size)
            .fold(0.0, f32::max)
    }
}

/// How far a line may be set smaller to keep it on one line rather than wrap it.
const SHRINK_BEFORE_WRAP: f32 = 0.88;
/// How far wrapped text may be set smaller to fit its lines, and in which steps.
const MIN_SHRINK: f32 = 0.6;
const SHRINK_STEP: f32 = 0.94;

/// The largest size not above `size` at which a line of advance `em_width` fits in `max_width`.
fn fitting_size(em_width: f32, size: f32, max_width: f32) -> f32 {
    if em_width * size > max_width && em_width > 0.0 {
        max_width / em_width
    } else {
        size
    }
}

impl FontSet {
    /// Sets `text` in at most `max_lines` lines no wider than `max_width`, at `size` when
    /// possible. A text that fits on one line at `SHRINK_BEFORE_WRAP` times `size` stays on one
    /// line; otherwise lines break at spaces and two-line texts are balanced, and the size goes
    /// down (to `MIN_SHRINK` times `size`) until the lines fit. Only when breaking at spaces
    /// cannot fit the text may Thai text, written without spaces between words, also break
    /// between words (see [`thai_pieces`]). When the text still does not fit, it is set
    /// smaller until it does.
    fn block(
        &self,
        text: &str,
        weight: Weight,
        size: f32,
        max_width: f32,
        max_lines: usize,
    ) -> Block<'_> {
        self.block_shrinking(text, weight, size, max_width, max_lines, SHRINK_BEFORE_WRAP)
    }

    /// Like [`FontSet::block`], with `shrink` in place of `SHRINK_BEFORE_WRAP`.
    fn block_shrinking(
        &self,
        text: &str,
        weight: Weight,
        size: f32,
        max_width: f32,
        max_lines: usize,
        shrink: f32,
    ) -> Block<'_> {
        let text = nfc(text);
        let text = text.trim();
        let whole = self.line(text, weight);
        if whole.em_width * size * shrink <= max_width || max_lines <= 1 {
            let size = fitting_size(whole.em_width, size, max_width);
            return Block {
                lines: vec![whole],
                size,
            };
        }
        let words = word_pieces(text);
        if let Some(block) = self.fit_pieces(&words, weight, size, max_width, max_lines) {
            return block;
        }
        let pieces = thai_pieces(&words);
        if pieces.len() > words.len()
            && let Some(block) = self.fit_pieces(&pieces, weight, size, max_width, max_lines)
        {
            return block;
        }
        self.squeeze_pieces(&pieces, weight, size, max_width, max_lines)
    }

    /// Sets `pieces` in at most `max_lines` lines no wider than `max_width`, at the largest
    /// size from `size` down to `MIN_SHRINK` times it (in steps of 6%) at which they fit, if
    /// there is one.
    fn fit_pieces(
        &self,
        pieces: &[Piece<'_>],
        weight: Weight,
        size: f32,
        max_width: f32,
        max_lines: usize,
    ) -> Option<Block<'_>> {
        let mut candidate = size;
        while candidate >= size * MIN_SHRINK {
            let lines = self.lines(pieces, weight, candidate, max_width, max_lines);
            if lines.len() <= max_lines
                && lines
                    .iter()
                    .all(|l| l.em_width * candidate <= max_width + 0.01)
            {
                return Some(Block {
                    lines,
                    size: candidate,
                });
            }
            candidate *= SHRINK_STEP;
        }
        None
    }

    /// Sets `pieces` that [`FontSet::fit_pieces`] could not fit: wrapped as at the smallest
    /// size tried there, the lines after `max_lines` joining the last one, and set smaller
    /// until every line fits.
    fn squeeze_pieces(
        &self,
        pieces: &[Piece<'_>],
        weight: Weight,
        size: f32,
        max_width: f32,
        max_lines: usize,
    ) -> Block<'_> {
        let mut candidate = size;
        while candidate >= size * MIN_SHRINK {
            candidate *= SHRINK_STEP;
        }
        let mut ranges = self.wrap(pieces, weight, max_width / candidate, max_lines);
        if ranges.len() > max_lines {
            ranges.truncate(max_lines);
            if let Some(last) = ranges.last_mut() {
                last.end = pieces.len();
            }
        }
        let lines: Vec<Line<'_>> = ranges
            .into_iter()
            .map(|range| self.line(&join(&pieces[range]), weight))
            .collect();
        let size = lines
            .iter()
            .fold(candidate, |s, l| fitting_size(l.em_width, s, max_width));
        Block { lines, size }
    }

    /// `pieces` wrapped for lines of `max_width` at `size`.
    fn lines(
        &self,
        pieces: &[Piece<'_>],
        weight: Weight,
        size: f32,
        max_width: f32,
        max_lines: usize,
    ) -> Vec<Line<'_>> {
        self.wrap(pieces, weight, max_width / size, max_lines)
            .into_iter()
            .map(|range| self.line(&join(&pieces[range]), weight))
            .collect()
    }

    /// Greedy line breaking of `pieces` at width `em_limit` (in units of the font size), as
    /// ranges of pieces, one per line; a result of two lines is rebalanced so that its longer
    /// line is as short as possible.
    fn wrap(
        &self,
        pieces: &[Piece<'_>],
        weight: Weight,
        em_limit: f32,
        max_lines: usize,
    ) -> Vec<Range<usize>> {
        let width = |range: Range<usize>| self.line(&join(&pieces[range]), weight).em_width;
        let mut lines = Vec::new();
        let mut start = 0;
        for end in 1..pieces.len() {
            if width(start..end + 1) > em_limit {
                lines.push(start..end);
                start = end;
            }
        }
        if start < pieces.len() {
            lines.push(start..pieces.len());
        }
        if lines.len() == 2 && max_lines >= 2 {
            let mut best: Option<(f32, usize)> = None;
            for split in 1..pieces.len() {
                let widest = width(0..split).max(width(split..pieces.len()));
                if widest <= em_limit && best.is_none_or(|(w, _)| widest < w) {
                    best = Some((widest, split));
                }
            }
            if let Some((_, split)) = best {
                return vec![0..split, split..pieces.len()];
            }
        }
        lines
    }
}

/// A piece of text between two places where a line may break.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Piece<'t> {
    text: &'t str,
    /// Whether a space stands between this piece and the one before it (a space at a line
    /// break is not printed).
    after_space: bool,
}

/// The words of `text`: the pieces between its spaces.
fn word_pieces(text: &str) -> Vec<Piece<'_>> {
    text.split(' ')
        .filter(|word| !word.is_empty())
        .map(|text| Piece {
            text,
            after_space: true,
        })
        .collect()
}

/// `words` split further where the ICU4X line segmenter (with its Thai dictionary) allows a
/// line break between two Thai characters.
fn thai_pieces<'t>(words: &[Piece<'t>]) -> Vec<Piece<'t>> {
    let segmenter = LineSegmenter::new_dictionary();
    let is_thai = |c: Option<char>| c.is_some_and(|c| c.script() == UnicodeScriptName::Thai);
    let mut pieces = Vec::new();
    for word in words {
        let text = word.text;
        let mut start = 0;
        for at in segmenter.segment_str(text) {
            if at == 0
                || at == text.len()
                || !is_thai(text[..at].chars().next_back())
                || !is_thai(text[at..].chars().next())
            {
                continue;
            }
            pieces.push(Piece {
                text: &text[start..at],
                after_space: start == 0 && word.after_space,
            });
            start = at;
        }
        pieces.push(Piece {
            text: &text[start..],
            after_space: start == 0 && word.after_space,
        });
    }
    pieces
}

/// The text of consecutive pieces, a space between those that had one.
fn join(pieces: &[Piece<'_>]) -> String {
    let mut text = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 && piece.after_space {
            text.push(' ');
        }
        text.push_str(piece.text);
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Font metrics (cmap and hmtx, read with skrifa), used to measure runs before they are drawn
// ---------------------------------------------------------------------------------------------

/// Character to glyph mapping and horizontal advances of one font face.
struct Metrics {
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

    fn has(&self, c: char) -> bool {
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
    fn plain_glyphs(&self, text: &str) -> Vec<PlainGlyph> {
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
    fn em_width(&self, text: &str) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            / self.units_per_em
    }
}

/// A glyph that stands for a range of the text, placed at its nominal advance.
struct PlainGlyph {
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

// ---------------------------------------------------------------------------------------------
// Page layout
// ---------------------------------------------------------------------------------------------

const PAGE_WIDTH: f32 = 842.0;
const PAGE_HEIGHT: f32 = 595.0;
const CENTER_X: f32 = PAGE_WIDTH / 2.0;
const CREATOR: &str = "SME Digital Resilience";
const WORDMARK: &str = "SME Digital Resilience";

/// Width available to the centred lines of the upper part.
const TEXT_WIDTH: f32 = 660.0;
/// Baseline of the wordmark.
const WORDMARK_BASELINE: f32 = 64.0;
/// Top of the space shared by the heading, the name and the achievement lines.
const UPPER_TOP: f32 = 76.0;
const HEADING_SIZE: f32 = 30.0;
const NAME_SIZE: f32 = 34.0;
/// Line spacing of the achievement lines and of the module titles, in font sizes.
const ACHIEVEMENT_LEADING: f32 = 1.3;
const MODULE_LEADING: f32 = 1.25;

/// Top and bottom of the lower band (details, modules, QR code).
const BAND_TOP: f32 = 370.0;
const BAND_BOTTOM: f32 = 548.0;
const LEFT_X: f32 = 66.0;
const LEFT_WIDTH: f32 = 160.0;
const MIDDLE_WIDTH: f32 = 362.0;
const MIDDLE_X: f32 = CENTER_X - MIDDLE_WIDTH / 2.0;
const RIGHT_WIDTH: f32 = 160.0;
const RIGHT_X: f32 = PAGE_WIDTH - LEFT_X - RIGHT_WIDTH;
const QR_SIZE: f32 = 108.0;
const QR_QUIET_MODULES: usize = 4;

#[derive(Debug, Clone, Copy)]
struct Colour(u8, u8, u8);

const NAVY: Colour = Colour(20, 41, 74);
const GOLD: Colour = Colour(166, 131, 64);
const INK: Colour = Colour(34, 38, 46);
const MUTED: Colour = Colour(95, 103, 116);
const PAPER: Colour = Colour(253, 251, 246);
const WHITE: Colour = Colour(255, 255, 255);
const BLACK: Colour = Colour(0, 0, 0);

fn paint(colour: Colour) -> rgb::Color {
    rgb::Color::new(colour.0, colour.1, colour.2)
}

fn fill(colour: Colour) -> Fill {
    Fill {
        paint: paint(colour).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn stroke(colour: Colour, width: f32) -> Stroke {
    Stroke {
        paint: paint(colour).into(),
        width,
        ..Stroke::default()
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32) -> Option<Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(Rect::from_xywh(x, y, width, height)?);
    builder.finish()
}

fn diamond(cx: f32, cy: f32, radius: f32) -> Option<Path> {
    let mut builder = PathBuilder::new();
    builder.move_to(cx, cy - radius);
    builder.line_to(cx + radius, cy);
    builder.line_to(cx, cy + radius);
    builder.line_to(cx - radius, cy);
    builder.close();
    builder.finish()
}

fn segment(x1: f32, y1: f32, x2: f32, y2: f32) -> Option<Path> {
    let mut builder = PathBuilder::new();
    builder.move_to(x1, y1);
    builder.line_to(x2, y2);
    builder.finish()
}

/// The centred blocks of the upper part of the page.
struct Upper<'f> {
    heading: Block<'f>,
    heading_en: Option<Block<'f>>,
    presented: Block<'f>,
    name: Block<'f>,
    achievement: Block<'f>,
    english: Option<Block<'f>>,
    workshop: Block<'f>,
}

/// Baselines (and rule positions) of the upper part.
struct UpperPositions {
    heading: f32,
    heading_en: f32,
    ornament: f32,
    presented: f32,
    name: f32,
    rule: f32,
    achievement: f32,
    english: f32,
    workshop: f32,
}

impl Upper<'_> {
    /// Lays the blocks out from `UPPER_TOP` down, then spreads the room left above the lower
    /// band over the gaps between the groups (heading, name, achievement).
    fn positions(&self) -> UpperPositions {
        const WEIGHTS: [f32; 4] = [0.5, 1.5, 1.0, 1.0];
        let (natural, end) = self.positions_with(0.0);
        let room = BAND_TOP - 14.0 - end;
        if room <= 0.0 {
            return natural;
        }
        let unit = (room / WEIGHTS.iter().sum::<f32>()).min(16.0);
        self.positions_with(unit).0
    }

    fn positions_with(&self, unit: f32) -> (UpperPositions, f32) {
        let extra_lines = |block: &Block<'_>| {
            (block.lines.len().max(1) - 1) as f32 * block.size * ACHIEVEMENT_LEADING
        };
        let heading = UPPER_TOP + 0.5 * unit + HEADING_SIZE * 0.95;
        let mut y = heading;
        let heading_en = y + 22.0;
        if self.heading_en.is_some() {
            y = heading_en;
        }
        let ornament = y + 18.0;
        let presented = ornament + 27.0 + 1.5 * unit;
        let name = presented + NAME_SIZE * 1.3;
        let rule = name + 16.0;
        let achievement = rule + 25.0 + unit;
        y = achievement + extra_lines(&self.achievement);
        let english = y + 17.0;
        if let Some(block) = &self.english {
            y = english + extra_lines(block);
        }
        let workshop = y + 25.0;
        let end = workshop + 6.0 + unit;
        let positions = UpperPositions {
            heading,
            heading_en,
            ornament,
            presented,
            name,
            rule,
            achievement,
            english,
            workshop,
        };
        (positions, end)
    }
}

/// The module titles set at one size: on one line each when they all fit at no less than
/// `SHRINK_BEFORE_WRAP` times `size`, otherwise wrapped in up to two lines each at the largest
/// size at which every title fits.
fn module_blocks<'f>(
    fonts: &'f FontSet,
    modules: &[&String],
    size: f32,
    width: f32,
) -> Vec<Block<'f>> {
    let lines: Vec<Line<'f>> = modules
        .iter()
        .map(|m| fonts.line(nfc(m.trim()).as_str(), Weight::Regular))
        .collect();
    let single = lines
        .iter()
        .fold(size, |s, line| fitting_size(line.em_width, s, width));
    if single >= size * SHRINK_BEFORE_WRAP {
        return lines
            .into_iter()
            .map(|line| Block {
                lines: vec![line],
                size: single,
            })
            .collect();
    }
    let block = |m: &str, size: f32| fonts.block_shrinking(m, Weight::Regular, size, width, 2, 1.0);
    let common = modules
        .iter()
        .map(|m| block(m, size).size)
        .fold(size, f32::min);
    modules.iter().map(|m| block(m, common)).collect()
}

/// Draws on the page surface; coordinates are in points from the top left corner.
struct Painter<'s, 'p> {
    surface: &'s mut Surface<'p>,
    fonts: &'static FontSet,
}

impl Painter<'_, '_> {
    fn certificate(&mut self, doc: &CertificateDoc, qr: &QrCode) {
        self.frame();
        self.upper_part(doc);
        self.details(&doc.details);
        self.modules(&doc.modules_heading, &doc.modules);
        self.qr_block(
            qr,
            &doc.verify_hint,
            &doc.issuer_label,
            &doc.issuer_fingerprint,
        );
    }

    fn fill_path(&mut self, path: Option<Path>, colour: Colour) {
        if let Some(path) = path {
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(fill(colour)));
            self.surface.draw_path(&path);
        }
    }

    fn stroke_path(&mut self, path: Option<Path>, colour: Colour, width: f32) {
        if let Some(path) = path {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(stroke(colour, width)));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    /// Draws a line of runs left to right from (`x`, `baseline`).
    fn draw_line(&mut self, line: &Line<'_>, x: f32, baseline: f32, size: f32, colour: Colour) {
        self.surface.set_stroke(None);
        let mut x = x;
        for run in &line.runs {
            if run.face.script == Script::Thai {
                let mut segment_x = x;
                for (stacked, segment) in thai_segments(&run.text) {
                    let start = Point::from_xy(segment_x, baseline);
                    self.draw_run(run.face, segment, stacked, start, size, colour);
                    segment_x += run.face.metrics.em_width(segment) * size;
                }
            } else {
                let start = Point::from_xy(x, baseline);
                self.draw_run(run.face, &run.text, false, start, size, colour);
            }
            x += run.em_width * size;
        }
    }

    /// Draws `text` in one font with its baseline starting at `start`.
    ///
    /// With `stacked`, the shaped glyphs are drawn as outlines and the text itself is laid over
    /// them in an invisible layer of unshaped glyphs, one per spacing character, each standing
    /// for that character and the marks after it. Shaping attaches Thai marks to their base,
    /// and when the last mark of a cluster is moved to the left (two marks stacked above a
    /// leaning consonant) the extent of the cluster's text ends well before its advance, which
    /// text extractors read as a word break. In the invisible layer every cluster's text spans
    /// its full advance, so the extracted text is identical to the source.
    fn draw_run(
        &mut self,
        face: &Face,
        text: &str,
        stacked: bool,
        start: Point,
        size: f32,
        colour: Colour,
    ) {
        self.surface.set_fill(Some(fill(colour)));
        self.surface.draw_text(
            start,
            face.font.clone(),
            size,
            text,
            stacked,
            TextDirection::LeftToRight,
        );
        if stacked {
            let glyphs = face.metrics.plain_glyphs(text);
            self.surface.set_fill(Some(Fill {
                opacity: NormalizedF32::ZERO,
                ..fill(colour)
            }));
            self.surface
                .draw_glyphs(start, &glyphs, face.font.clone(), text, size, false);
        }
    }

    /// Draws the lines of `block` centred on `cx`, the first baseline at `baseline`; returns
    /// the last baseline.
    fn centred(
        &mut self,
        block: &Block<'_>,
        cx: f32,
        baseline: f32,
        leading: f32,
        colour: Colour,
    ) -> f32 {
        let mut y = baseline;
        for (i, line) in block.lines.iter().enumerate() {
            if i > 0 {
                y += block.size * leading;
            }
            let width = line.em_width * block.size;
            self.draw_line(line, cx - width / 2.0, y, block.size, colour);
        }
        y
    }

    /// Draws the lines of `block` from `x`, the first baseline at `baseline`; returns the last
    /// baseline.
    fn left(
        &mut self,
        block: &Block<'_>,
        x: f32,
        baseline: f32,
        leading: f32,
        colour: Colour,
    ) -> f32 {
        let mut y = baseline;
        for (i, line) in block.lines.iter().enumerate() {
            if i > 0 {
                y += block.size * leading;
            }
            self.draw_line(line, x, y, block.size, colour);
        }
        y
    }

    fn frame(&mut self) {
        self.fill_path(rect(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT), WHITE);
        self.fill_path(
            rect(20.0, 20.0, PAGE_WIDTH - 40.0, PAGE_HEIGHT - 40.0),
            PAPER,
        );
        self.stroke_path(
            rect(20.0, 20.0, PAGE_WIDTH - 40.0, PAGE_HEIGHT - 40.0),
            NAVY,
            3.0,
        );
        self.stroke_path(
            rect(27.0, 27.0, PAGE_WIDTH - 54.0, PAGE_HEIGHT - 54.0),
            NAVY,
            0.8,
        );
        self.stroke_path(
            rect(32.0, 32.0, PAGE_WIDTH - 64.0, PAGE_HEIGHT - 64.0),
            GOLD,
            0.6,
        );
        for (x, y) in [
            (32.0, 32.0),
            (PAGE_WIDTH - 32.0, 32.0),
            (32.0, PAGE_HEIGHT - 32.0),
            (PAGE_WIDTH - 32.0, PAGE_HEIGHT - 32.0),
        ] {
            self.fill_path(diamond(x, y, 4.5), GOLD);
        }
    }

    /// A short gold rule with a diamond in its middle.
    fn ornament(&mut self, cx: f32, y: f32, half_width: f32) {
        self.stroke_path(segment(cx - half_width, y, cx - 7.0, y), GOLD, 0.7);
        self.stroke_path(segment(cx + 7.0, y, cx + half_width, y), GOLD, 0.7);
        self.fill_path(diamond(cx, y, 3.0), GOLD);
    }

    fn upper_part(&mut self, doc: &CertificateDoc) {
        let fonts = self.fonts;

        let wordmark = fonts.block(WORDMARK, Weight::Bold, 10.0, TEXT_WIDTH, 1);
        let half = wordmark.width() / 2.0;
        self.centred(&wordmark, CENTER_X, WORDMARK_BASELINE, 1.2, NAVY);
        let rule_y = WORDMARK_BASELINE - 3.5;
        self.stroke_path(
            segment(
                CENTER_X - half - 52.0,
                rule_y,
                CENTER_X - half - 10.0,
                rule_y,
            ),
            GOLD,
            0.7,
        );
        self.stroke_path(
            segment(
                CENTER_X + half + 10.0,
                rule_y,
                CENTER_X + half + 52.0,
                rule_y,
            ),
            GOLD,
            0.7,
        );

        let heading_en = nfc(doc.heading_en.trim());
        let english_heading = !heading_en.is_empty() && heading_en != nfc(doc.heading.trim());
        let english_line = doc.locale != Locale::En && !doc.achievement_en.trim().is_empty();
        let upper = Upper {
            heading: fonts.block(&doc.heading, Weight::Bold, HEADING_SIZE, TEXT_WIDTH, 1),
            heading_en: english_heading
                .then(|| fonts.block(&heading_en, Weight::Regular, 12.0, TEXT_WIDTH, 1)),
            presented: fonts.block(&doc.presented_to, Weight::Regular, 13.0, TEXT_WIDTH, 1),
            name: fonts.block(&doc.name, Weight::Bold, NAME_SIZE, TEXT_WIDTH, 1),
            achievement: fonts.block(&doc.achievement, Weight::Regular, 14.0, TEXT_WIDTH, 2),
            english: english_line
                .then(|| fonts.block(&doc.achievement_en, Weight::Regular, 10.5, TEXT_WIDTH, 2)),
            workshop: fonts.block(&doc.workshop_line, Weight::Bold, 13.0, TEXT_WIDTH, 1),
        };
        let at = upper.positions();

        self.centred(&upper.heading, CENTER_X, at.heading, 1.2, NAVY);
        if let Some(block) = &upper.heading_en {
            self.centred(block, CENTER_X, at.heading_en, 1.2, MUTED);
        }
        self.ornament(CENTER_X, at.ornament, 70.0);
        self.centred(&upper.presented, CENTER_X, at.presented, 1.2, INK);
        self.centred(&upper.name, CENTER_X, at.name, 1.2, NAVY);
        let rule = (upper.name.width() + 60.0).clamp(280.0, TEXT_WIDTH);
        self.stroke_path(
            segment(
                CENTER_X - rule / 2.0,
                at.rule,
                CENTER_X + rule / 2.0,
                at.rule,
            ),
            GOLD,
            0.8,
        );
        self.centred(
            &upper.achievement,
            CENTER_X,
            at.achievement,
            ACHIEVEMENT_LEADING,
            INK,
        );
        if let Some(block) = &upper.english {
            self.centred(block, CENTER_X, at.english, ACHIEVEMENT_LEADING, MUTED);
        }
        self.centred(&upper.workshop, CENTER_X, at.workshop, 1.2, GOLD);
    }

    fn details(&mut self, details: &[(String, String)]) {
        let fonts = self.fonts;
        let mut y = BAND_TOP + 16.0;
        for (label, value) in details.iter().take(4) {
            let label = fonts.block(label, Weight::Regular, 8.0, LEFT_WIDTH, 1);
            self.left(&label, LEFT_X, y, 1.2, MUTED);
            let value = fonts.block(value, Weight::Bold, 11.5, LEFT_WIDTH, 1);
            self.left(&value, LEFT_X, y + 14.5, 1.2, NAVY);
            self.stroke_path(
                segment(LEFT_X, y + 21.0, LEFT_X + 24.0, y + 21.0),
                GOLD,
                0.5,
            );
            y += 37.0;
        }
    }

    fn modules(&mut self, heading: &str, modules: &[String]) {
        let fonts = self.fonts;
        let cx = MIDDLE_X + MIDDLE_WIDTH / 2.0;
        let heading = fonts.block(heading, Weight::Bold, 9.5, MIDDLE_WIDTH, 1);
        self.centred(&heading, cx, BAND_TOP + 16.0, 1.2, GOLD);
        let modules: Vec<&String> = modules.iter().take(12).collect();
        if modules.is_empty() {
            return;
        }
        self.stroke_path(
            segment(cx - 20.0, BAND_TOP + 23.0, cx + 20.0, BAND_TOP + 23.0),
            GOLD,
            0.5,
        );

        let top = BAND_TOP + 38.0;
        let available = BAND_BOTTOM - top;
        let columns = if modules.len() <= 3 { 1 } else { 2 };
        let rows = modules.len().div_ceil(columns);
        let gutter = 14.0;
        let column_width = (MIDDLE_WIDTH - gutter * (columns - 1) as f32) / columns as f32;
        let bullet = if columns == 1 { 0.0 } else { 8.0 };
        let text_width = column_width - bullet;

        let mut size: f32 = 9.0;
        let (blocks, row_heights) = loop {
            let blocks = module_blocks(fonts, &modules, size, text_width);
            let row_heights: Vec<f32> = (0..rows)
                .map(|row| {
                    (0..columns)
                        .filter_map(|col| blocks.get(col * rows + row))
                        .map(|b| b.lines.len() as f32 * b.size * MODULE_LEADING)
                        .fold(0.0, f32::max)
                        + 3.0
                })
                .collect();
            let used: f32 = row_heights.iter().sum();
            if used <= available || size <= 5.0 {
                let spread = ((available - used) / rows as f32).clamp(0.0, 4.0);
                let row_heights: Vec<f32> = row_heights.iter().map(|h| h + spread).collect();
                break (blocks, row_heights);
            }
            size -= 0.25;
        };

        for (index, block) in blocks.iter().enumerate() {
            let (col, row) = (index / rows, index % rows);
            let y = top + row_heights[..row].iter().sum::<f32>();
            if columns == 1 {
                self.centred(block, cx, y, MODULE_LEADING, INK);
            } else {
                let x = MIDDLE_X + col as f32 * (column_width + gutter);
                self.fill_path(diamond(x + 2.5, y - block.size * 0.33, 2.0), GOLD);
                self.left(block, x + bullet, y, MODULE_LEADING, INK);
            }
        }
    }

    fn qr_block(&mut self, qr: &QrCode, hint: &str, issuer_label: &str, fingerprint: &str) {
        let fonts = self.fonts;
        let cx = RIGHT_X + RIGHT_WIDTH / 2.0;
        let x = cx - QR_SIZE / 2.0;
        let y = BAND_TOP + 4.0;
        self.qr_code(qr, x, y);

        let hint = fonts.block(hint, Weight::Regular, 7.5, RIGHT_WIDTH, 3);
        let mut baseline = self.centred(&hint, cx, y + QR_SIZE + 12.0, 1.25, MUTED);

        let label = fonts.line(&nfc(issuer_label.trim()), Weight::Regular);
        let value = fonts.line(&nfc(fingerprint.trim()), Weight::Bold);
        let gap = 0.5;
        let em = label.em_width + gap + value.em_width;
        let size = fitting_size(em, 7.0, RIGHT_WIDTH);
        let left = cx - em * size / 2.0;
        baseline += 12.0;
        self.draw_line(&label, left, baseline, size, MUTED);
        self.draw_line(
            &value,
            left + (label.em_width + gap) * size,
            baseline,
            size,
            NAVY,
        );
    }

    /// Draws the QR code, quiet zone included, as a `QR_SIZE` square with its top left corner
    /// at (`x`, `y`). Each horizontal run of dark modules is one stroke, one module wide, of a
    /// single path.
    fn qr_code(&mut self, qr: &QrCode, x: f32, y: f32) {
        let total = qr.width() + 2 * QR_QUIET_MODULES;
        let module = QR_SIZE / total as f32;
        self.fill_path(rect(x, y, QR_SIZE, QR_SIZE), WHITE);
        let mut builder = PathBuilder::new();
        for (row, start, len) in dark_runs(qr) {
            let (row, start) = (row + QR_QUIET_MODULES, start + QR_QUIET_MODULES);
            builder.move_to(start as f32, row as f32);
            builder.line_to((start + len) as f32, row as f32);
        }
        if let Some(path) = builder.finish() {
            let half = module / 2.0;
            self.surface.push_transform(&Transform::from_row(
                module,
                0.0,
                0.0,
                module,
                x,
                y + half,
            ));
            self.stroke_path(Some(path), BLACK, 1.0);
            self.surface.pop();
        }
    }
}

/// The payload as a QR code at error correction level M.
fn qr_code(payload: &str) -> Result<QrCode, PdfError> {
    QrCode::with_error_correction_level(payload, EcLevel::M)
        .map_err(|e| PdfError::QrCode(e.to_string()))
}

/// Horizontal runs of dark modules of `code`, without its quiet zone, as (row, first column,
/// length).
fn dark_runs(code: &QrCode) -> Vec<(usize, usize, usize)> {
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, cells) in colors.chunks(width.max(1)).enumerate() {
        let mut col = 0;
        while col < cells.len() {
            if cells[col] == Color::Dark {
                let start = col;
                while col < cells.len() && cells[col] == Color::Dark {
                    col += 1;
                }
                runs.push((row, start, col - start));
            } else {
                col += 1;
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificates::payload::{PAYLOAD_PREFIX, find_payload};

    fn payload(seed: u64, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut state = seed | 1;
        let mut body = String::from(PAYLOAD_PREFIX);
        for i in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if i == len - 87 {
                body.push('.');
            } else {
                body.push(ALPHABET[(state % 64) as usize] as char);
            }
        }
        body
    }

    fn modules(locale: Locale) -> Vec<String> {
        let titles: &[&str] = match locale {
            Locale::Th => &[
                "ความสำคัญของความยืดหยุ่นทางดิจิทัล",
                "ความปลอดภัยไซเบอร์เบื้องต้นสำหรับธุรกิจขนาดเล็ก",
                "รหัสผ่านและการยืนยันตัวตนหลายปัจจัย",
                "การรู้เท่าทันฟิชชิงและวิศวกรรมสังคม",
                "การสำรองและกู้คืนข้อมูล",
                "การปรับปรุงอุปกรณ์และซอฟต์แวร์ให้ทันสมัย",
                "การใช้บริการคลาวด์อย่างปลอดภัย",
                "การคุ้มครองข้อมูลลูกค้าและความเป็นส่วนตัว",
                "การวางแผนความต่อเนื่องทางธุรกิจ",
                "การรับมือเหตุการณ์ภัยไซเบอร์",
                "การฟื้นฟูการดำเนินงานหลังเหตุขัดข้อง",
                "การสร้างวัฒนธรรมความยืดหยุ่นในทีม",
            ],
            Locale::Vi => &[
                "Vì sao khả năng chống chịu số quan trọng",
                "Kiến thức cơ bản về an ninh mạng cho doanh nghiệp nhỏ",
                "Mật khẩu và xác thực nhiều yếu tố",
                "Nhận diện lừa đảo trực tuyến và tấn công phi kỹ thuật",
                "Sao lưu và khôi phục dữ liệu",
                "Cập nhật thiết bị và phần mềm",
                "Sử dụng dịch vụ đám mây an toàn",
                "Bảo vệ dữ liệu và quyền riêng tư của khách hàng",
                "Lập kế hoạch duy trì hoạt động kinh doanh",
                "Ứng phó sự cố an ninh mạng",
                "Khôi phục hoạt động sau gián đoạn",
                "Xây dựng văn hóa chống chịu trong đội ngũ",
            ],
            Locale::ZhHant => &[
                "數位韌性為何重要",
                "小型企業資訊安全基礎",
                "密碼與多重要素驗證",
                "辨識網路釣魚與社交工程",
                "資料備份與復原",
                "保持裝置與軟體更新",
                "安全使用雲端服務",
                "保護客戶資料與隱私",
                "營運持續計畫",
                "資安事件應變",
                "中斷後的營運復原",
                "在團隊中建立韌性文化",
            ],
            _ => &[
                "Why digital resilience matters",
                "Cyber security basics for small businesses",
                "Passwords and multi-factor authentication",
                "Recognising phishing and social engineering",
                "Backing up and restoring your data",
                "Keeping devices and software up to date",
                "Safe use of cloud services",
                "Protecting customer data and privacy",
                "Business continuity planning",
                "Responding to a cyber incident",
                "Recovering operations after a disruption",
                "Building a resilience culture in your team",
            ],
        };
        titles.iter().map(|t| t.to_string()).collect()
    }

    fn doc(locale: Locale, name: &str, module_count: usize) -> CertificateDoc {
        let english =
            "has completed the APEC SME Digital Resilience Training Workshop, Malaysia 2018";
        let (heading, presented, achievement, workshop, labels, modules_heading, hint, issuer) =
            match locale {
                Locale::En => (
                    "Certificate of Completion",
                    "This certifies that",
                    "has completed the APEC SME Digital Resilience Training Workshop",
                    "Malaysia · 2018",
                    ["Date of completion", "Certificate ID", "Score"],
                    "Modules completed",
                    "Scan to verify, or run: sdr verify <file>",
                    "Issuer key",
                ),
                Locale::Ms => (
                    "Sijil Penyempurnaan",
                    "Dengan ini diperakui bahawa",
                    "telah menamatkan Bengkel Latihan Ketahanan Digital PKS APEC",
                    "Malaysia · 2018",
                    ["Tarikh tamat", "ID Sijil", "Markah"],
                    "Modul yang diselesaikan",
                    "Imbas untuk mengesahkan, atau jalankan: sdr verify <fail>",
                    "Kunci pengeluar",
                ),
                Locale::Fil => (
                    "Katibayan ng Pagtatapos",
                    "Pinatutunayan nito na si",
                    "ay nakatapos ng APEC SME Digital Resilience Training Workshop",
                    "Malaysia · 2018",
                    ["Petsa ng pagtatapos", "ID ng Sertipiko", "Iskor"],
                    "Mga natapos na module",
                    "I-scan upang i-verify, o patakbuhin: sdr verify <file>",
                    "Susi ng nag-isyu",
                ),
                Locale::ZhHant => (
                    "結業證書",
                    "茲證明",
                    "已完成 APEC 中小企業數位韌性培訓工作坊",
                    "馬來西亞 · 2018",
                    ["完成日期", "證書編號", "成績"],
                    "已完成單元",
                    "掃描以驗證，或執行：sdr verify <檔案>",
                    "簽發金鑰",
                ),
                Locale::Th => (
                    "ประกาศนียบัตรสำเร็จการอบรม",
                    "ขอมอบให้ไว้เพื่อแสดงว่า",
                    "ได้สำเร็จการอบรมเชิงปฏิบัติการด้านความยืดหยุ่นทางดิจิทัลสำหรับวิสาหกิจขนาดกลางและขนาดย่อมของเอเปค",
                    "ประเทศไทย — กรุงเทพฯ · 2018",
                    ["วันที่สำเร็จการอบรม", "เลขที่ประกาศนียบัตร", "คะแนน"],
                    "หน่วยการเรียนที่ผ่าน",
                    "สแกนเพื่อตรวจสอบ หรือใช้คำสั่ง: sdr verify <ไฟล์>",
                    "กุญแจผู้ออก",
                ),
                Locale::Vi => (
                    "Giấy chứng nhận hoàn thành",
                    "Chứng nhận",
                    "đã hoàn thành Hội thảo tập huấn về Khả năng chống chịu số cho doanh nghiệp nhỏ và vừa của APEC",
                    "Việt Nam · 2018",
                    ["Ngày hoàn thành", "Mã chứng nhận", "Điểm"],
                    "Các học phần đã hoàn thành",
                    "Quét để xác minh, hoặc chạy: sdr verify <tệp>",
                    "Khóa của đơn vị cấp",
                ),
            };
        let date = match locale {
            Locale::Th => "27 พฤศจิกายน 2569",
            Locale::Vi => "27 tháng 11 năm 2026",
            Locale::ZhHant => "2026年11月27日",
            _ => "27 November 2026",
        };
        CertificateDoc {
            locale,
            heading: heading.into(),
            heading_en: "Certificate of Completion".into(),
            presented_to: presented.into(),
            name: name.into(),
            achievement: achievement.into(),
            achievement_en: english.into(),
            workshop_line: workshop.into(),
            details: vec![
                (labels[0].into(), date.into()),
                (labels[1].into(), "SDR-2018TH-7K3F9QXD".into()),
                (labels[2].into(), "86%".into()),
            ],
            modules_heading: modules_heading.into(),
            modules: modules(locale).into_iter().take(module_count).collect(),
            verify_hint: hint.into(),
            payload: payload(name.len() as u64 + 7, 560),
            title: format!("{heading} — {name}"),
            issuer_fingerprint: "3f2a 9c01 77be 4d10".into(),
            issuer_label: issuer.into(),
        }
    }

    const VI_NFD: &str = "Nguye\u{302}\u{303}n Thi\u{323} Hu\u{31b}o\u{31b}ng";

    fn named_docs() -> Vec<(&'static str, CertificateDoc)> {
        vec![
            ("th", doc(Locale::Th, "สมชาย ใจดี", 8)),
            ("vi", doc(Locale::Vi, "Nguyễn Thị Hương", 8)),
            ("vi-nfd", doc(Locale::Vi, VI_NFD, 8)),
            ("zh", doc(Locale::ZhHant, "陳淑芬", 8)),
            ("ms", doc(Locale::Ms, "Nur Aisyah binti Abdullah", 8)),
            ("fil", doc(Locale::Fil, "Ma. Cristina dela Cruz-Santos", 8)),
            ("mixed", doc(Locale::Vi, "Lê Văn Minh 黎文明", 8)),
        ]
    }

    #[test]
    fn runs_split_by_script() {
        let fonts = FONTS.as_ref().unwrap();
        let runs = |s: &str| split_runs(s, |c| fonts.run_script(c), Script::Latin);
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
        let fonts = FONTS.as_ref().unwrap();
        let runs = |s: &str| split_runs(s, |c| fonts.run_script(c), Script::Latin);
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
    fn long_text_is_wrapped_or_shrunk_to_fit() {
        let fonts = FONTS.as_ref().unwrap();
        let long = "Maria Concepcion Evangelista de los Santos-Villanueva Macapagal";
        assert!(long.chars().count() >= 60);
        let block = fonts.block(long, Weight::Bold, 34.0, TEXT_WIDTH, 1);
        assert_eq!(block.lines.len(), 1);
        assert!(block.size < 34.0 && block.width() <= TEXT_WIDTH + 0.01);

        let achievement = &doc(Locale::Vi, "x", 1).achievement;
        let block = fonts.block(achievement, Weight::Regular, 14.0, 400.0, 2);
        assert_eq!(block.lines.len(), 2);
        assert!(block.width() <= 400.01);

        let thai = "ได้สำเร็จการอบรมเชิงปฏิบัติการด้านความยืดหยุ่นทางดิจิทัลสำหรับวิสาหกิจ";
        let block = fonts.block(thai, Weight::Regular, 14.0, 200.0, 2);
        assert!(block.width() <= 200.01);
    }

    #[test]
    fn qr_runs_cover_exactly_the_dark_modules() {
        for (seed, len) in [(1, 100), (2, 333), (5, 560), (9, 700), (11, 1200)] {
            let data = payload(seed, len);
            let code = qr_code(&data).unwrap();
            let width = code.width();
            let dark: Vec<bool> = code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            let mut redrawn = vec![false; width * width];
            for (row, start, len) in dark_runs(&code) {
                for col in start..start + len {
                    assert!(!redrawn[row * width + col]);
                    redrawn[row * width + col] = true;
                }
            }
            assert!(redrawn == dark, "payload of {len} characters");
        }
        assert!(matches!(
            qr_code(&"A".repeat(4000)),
            Err(PdfError::QrCode(_))
        ));
    }

    #[test]
    fn thai_words_come_from_the_line_segmenter() {
        let text = "ความปลอดภัยไซเบอร์เบื้องต้นสำหรับธุรกิจขนาดเล็ก";
        let pieces = thai_pieces(&word_pieces(text));
        let words: Vec<&str> = pieces.iter().map(|p| p.text).collect();
        assert_eq!(
            words,
            [
                "ความ",
                "ปลอดภัย",
                "ไซเบอร์",
                "เบื้อง",
                "ต้น",
                "สำหรับ",
                "ธุรกิจ",
                "ขนาด",
                "เล็ก"
            ]
        );
        assert_eq!(join(&pieces), text);
        // Spaces stay where they are; Latin and CJK words are not split, nor is Thai split
        // from Latin letters.
        let mixed = "น้ำผึ้ง ปิ่นทอง Cyber-security 數位韌性 ไทยABC";
        let pieces = thai_pieces(&word_pieces(mixed));
        let words: Vec<&str> = pieces.iter().map(|p| p.text).collect();
        assert_eq!(
            words,
            [
                "น้ำ",
                "ผึ้ง",
                "ปิ่น",
                "ทอง",
                "Cyber-security",
                "數位韌性",
                "ไทยABC"
            ]
        );
        assert_eq!(join(&pieces), mixed);
        let latin = word_pieces("Cyber-security basics 數位韌性");
        assert_eq!(thai_pieces(&latin), latin);
    }

    #[test]
    fn thai_breaks_between_words_only_when_spaces_cannot_fit_it() {
        let fonts = FONTS.as_ref().unwrap();
        let text = "ความปลอดภัยไซเบอร์เบื้องต้นสำหรับธุรกิจขนาดเล็ก";
        let em = fonts.line(text, Weight::Regular).em_width;
        let line_text =
            |line: &Line<'_>| -> String { line.runs.iter().map(|r| r.text.as_str()).collect() };

        // Set a little smaller, it fits on one line: it is not broken.
        let block = fonts.block(text, Weight::Regular, 14.0, em * 14.0 * 0.8, 2);
        assert_eq!(block.lines.len(), 1);
        assert!(block.size < 14.0 && block.size >= 14.0 * MIN_SHRINK);

        // Too long for one line even at the smallest size: two lines, broken between words.
        let width = em * 14.0 * 0.4;
        let block = fonts.block(text, Weight::Regular, 14.0, width, 2);
        assert_eq!(block.lines.len(), 2);
        assert!(block.width() <= width + 0.01);
        let first = line_text(&block.lines[0]);
        assert_eq!(first.clone() + &line_text(&block.lines[1]), text);
        let boundaries: Vec<String> = (1..9)
            .map(|n| join(&thai_pieces(&word_pieces(text))[..n]))
            .collect();
        assert!(boundaries.contains(&first), "{first}");
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

    #[test]
    fn payload_is_found_in_rendered_pdf() {
        for (_, doc) in named_docs() {
            let pdf = render(&doc).unwrap();
            assert_eq!(find_payload(&pdf).as_deref(), Some(doc.payload.as_str()));
        }
    }

    #[test]
    fn payload_is_stored_as_plain_ascii_in_metadata() {
        let doc = doc(Locale::Th, "สมชาย ใจดี", 3);
        let pdf = render(&doc).unwrap();
        let subject = format!("/Subject({})", doc.payload);
        assert!(pdf.windows(subject.len()).any(|w| w == subject.as_bytes()));
        let xmp = format!(">{}<", doc.payload);
        assert!(pdf.windows(xmp.len()).any(|w| w == xmp.as_bytes()));
    }

    #[test]
    fn find_payload_survives_truncation_and_corruption() {
        let doc = doc(Locale::Vi, "Nguyễn Thị Hương", 12);
        let pdf = render(&doc).unwrap();
        for cut in (0..pdf.len()).step_by(97) {
            if let Some(found) = find_payload(&pdf[..cut]) {
                assert_eq!(found, doc.payload);
            }
        }
        let mut corrupted = pdf.clone();
        for i in (0..corrupted.len()).step_by(13) {
            corrupted[i] = corrupted[i].wrapping_mul(31).wrapping_add(7);
        }
        let _ = find_payload(&corrupted);
    }

    #[test]
    fn invalid_payload_is_rejected() {
        let mut d = doc(Locale::En, "Jane Doe", 2);
        for bad in ["", "SDR1.", "SDR2.abc", "SDR1.a..b", "SDR1.ab c", "SDR1.é"] {
            d.payload = bad.into();
            assert!(matches!(render(&d), Err(PdfError::InvalidPayload)), "{bad}");
        }
    }

    #[test]
    fn certificates_are_small() {
        for (label, doc) in named_docs() {
            let pdf = render(&doc).unwrap();
            assert!(pdf.starts_with(b"%PDF-"));
            assert!(pdf.len() < 200 * 1024, "{label}: {} bytes", pdf.len());
        }
    }

    #[test]
    fn output_is_deterministic_and_normalised() {
        let nfc = doc(Locale::Vi, "Nguyễn Thị Hương", 5);
        let mut nfd = nfc.clone();
        nfd.name = VI_NFD.into();
        nfd.title = nfc.title.nfd().collect();
        nfd.modules = nfc.modules.iter().map(|m| m.nfd().collect()).collect();
        assert_eq!(super::nfc(VI_NFD), "Nguyễn Thị Hương");
        assert_ne!(VI_NFD, "Nguyễn Thị Hương");
        let first = render(&nfc).unwrap();
        assert!(first == render(&nfc).unwrap());
        assert!(first == render(&nfd).unwrap());
    }

    #[test]
    fn extremes_render() {
        let long = "Maria Concepcion Evangelista de los Santos-Villanueva Macapagal";
        for locale in Locale::ALL {
            for count in [1, 12] {
                let mut d = doc(locale, long, count);
                d.payload = payload(3, 700);
                d.details.push((
                    "Issued by".into(),
                    "Ministry of Entrepreneur Development".into(),
                ));
                let pdf = render(&d).unwrap();
                assert!(pdf.len() < 200 * 1024);
                assert_eq!(find_payload(&pdf), Some(d.payload.clone()));
            }
        }
    }

    /// Writes sample certificates to `$SDR_CERT_SAMPLES` (default: `<temp dir>/certs`).
    #[test]
    #[ignore]
    fn write_samples() {
        let dir = std::env::var_os("SDR_CERT_SAMPLES")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join("certs"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut samples = named_docs();
        samples.push(("en-1", doc(Locale::En, "Jane Doe", 1)));
        samples.push((
            "en-long-12",
            doc(
                Locale::En,
                "Maria Concepcion Evangelista de los Santos-Villanueva Macapagal",
                12,
            ),
        ));
        samples.push(("th-12", doc(Locale::Th, "สมชาย ใจดี", 12)));
        samples.push(("zh-12", doc(Locale::ZhHant, "陳淑芬", 12)));
        for (label, locale, name) in [
            (
                "th-long-12",
                Locale::Th,
                "สมชาย ใจดี ณ อยุธยา ศรีสุวรรณวงศ์ ประเสริฐวงศ์ปัญญาวัฒนากุลชัยมงคล",
            ),
            (
                "zh-long-1",
                Locale::ZhHant,
                "歐陽陳淑芬 Chen Shu-fen Ouyang-Chen 司馬長孫慕容上官皇甫諸葛東方西門令狐",
            ),
            (
                "vi-long-12",
                Locale::Vi,
                "Tôn Nữ Hoàng Thị Nguyệt Ánh Phương Trinh Huyền Trân Ngọc Diệp Khuê",
            ),
        ] {
            let mut d = doc(locale, name, if label.ends_with("-1") { 1 } else { 12 });
            d.details.push((
                "Issued by".into(),
                "Ministry of Entrepreneur and Cooperatives Development".into(),
            ));
            d.payload = payload(3, 700);
            samples.push((label, d));
        }
        samples.push(("th-stacked", doc(Locale::Th, "น้ำผึ้ง ปิ่นทอง ฟื้นฟู ฝั่งฟ้า", 2)));
        for (label, doc) in samples {
            let pdf = render(&doc).unwrap();
            println!("{label}: {} bytes", pdf.len());
            std::fs::write(dir.join(format!("{label}.pdf")), pdf).unwrap();
        }
    }

    /// Prints the time taken to render 200 certificates on one thread.
    #[test]
    #[ignore]
    fn render_200_timing() {
        let docs = named_docs();
        for (label, doc) in &docs {
            let _ = render(doc).unwrap();
            let start = std::time::Instant::now();
            for _ in 0..20 {
                render(doc).unwrap();
            }
            println!("{label}: {:?} each", start.elapsed() / 20);
        }
        let start = std::time::Instant::now();
        let mut bytes = 0;
        for i in 0..200 {
            bytes += render(&docs[i % docs.len()].1).unwrap().len();
        }
        let elapsed = start.elapsed();
        println!(
            "200 certificates in {elapsed:?} ({:?} each, {bytes} bytes)",
            elapsed / 200
        );
    }
}
