//! Setting text in lines and blocks (wrapping, balancing, shrinking to fit) and the page
//! geometry: where the upper part's blocks go and how the module titles are set.

use std::ops::Range;

use icu_segmenter::LineSegmenter;
use unicode_script::{Script as UnicodeScriptName, UnicodeScript};

use super::fonts::{FontSet, Line, Weight};
use super::nfc;

/// Lines set at one font size.
pub(super) struct Block<'f> {
    pub(super) lines: Vec<Line<'f>>,
    pub(super) size: f32,
}

impl Block<'_> {
    pub(super) fn width(&self) -> f32 {
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
pub(super) fn fitting_size(em_width: f32, size: f32, max_width: f32) -> f32 {
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
    pub(super) fn block(
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

pub(super) const PAGE_WIDTH: f32 = 842.0;
pub(super) const PAGE_HEIGHT: f32 = 595.0;
pub(super) const CENTER_X: f32 = PAGE_WIDTH / 2.0;
pub(super) const WORDMARK: &str = "SME Digital Resilience";

/// Width available to the centred lines of the upper part.
pub(super) const TEXT_WIDTH: f32 = 660.0;
/// Baseline of the wordmark.
pub(super) const WORDMARK_BASELINE: f32 = 64.0;
/// Top of the space shared by the heading, the name and the achievement lines.
const UPPER_TOP: f32 = 76.0;
pub(super) const HEADING_SIZE: f32 = 30.0;
pub(super) const NAME_SIZE: f32 = 34.0;
/// Line spacing of the achievement lines and of the module titles, in font sizes.
pub(super) const ACHIEVEMENT_LEADING: f32 = 1.3;
pub(super) const MODULE_LEADING: f32 = 1.25;

/// Top and bottom of the lower band (details, modules, QR code).
pub(super) const BAND_TOP: f32 = 370.0;
pub(super) const BAND_BOTTOM: f32 = 548.0;
pub(super) const LEFT_X: f32 = 66.0;
pub(super) const LEFT_WIDTH: f32 = 160.0;
pub(super) const MIDDLE_WIDTH: f32 = 362.0;
pub(super) const MIDDLE_X: f32 = CENTER_X - MIDDLE_WIDTH / 2.0;
pub(super) const RIGHT_WIDTH: f32 = 160.0;
pub(super) const RIGHT_X: f32 = PAGE_WIDTH - LEFT_X - RIGHT_WIDTH;
pub(super) const QR_SIZE: f32 = 108.0;

/// The centred blocks of the upper part of the page.
pub(super) struct Upper<'f> {
    pub(super) heading: Block<'f>,
    pub(super) heading_en: Option<Block<'f>>,
    pub(super) presented: Block<'f>,
    pub(super) name: Block<'f>,
    pub(super) achievement: Block<'f>,
    pub(super) english: Option<Block<'f>>,
    pub(super) workshop: Block<'f>,
}

/// Baselines (and rule positions) of the upper part.
pub(super) struct UpperPositions {
    pub(super) heading: f32,
    pub(super) heading_en: f32,
    pub(super) ornament: f32,
    pub(super) presented: f32,
    pub(super) name: f32,
    pub(super) rule: f32,
    pub(super) achievement: f32,
    pub(super) english: f32,
    pub(super) workshop: f32,
}

impl Upper<'_> {
    /// Lays the blocks out from `UPPER_TOP` down, then spreads the room left above the lower
    /// band over the gaps between the groups (heading, name, achievement).
    pub(super) fn positions(&self) -> UpperPositions {
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
pub(super) fn module_blocks<'f>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificates::pdf::fonts::FONTS;
    use crate::certificates::pdf::tests::doc;
    use crate::locale::Locale;

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
}
