//! Drawing the certificate on the page: the frame and ornaments, the text blocks, the details,
//! the module titles and the QR code with its caption.

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use qrcode::QrCode;

use super::fonts::{Face, FontSet, Line, Script, Weight, thai_segments};
use super::layout::{
    ACHIEVEMENT_LEADING, BAND_BOTTOM, BAND_TOP, Block, CENTER_X, HEADING_SIZE, LEFT_WIDTH, LEFT_X,
    MIDDLE_WIDTH, MIDDLE_X, MODULE_LEADING, NAME_SIZE, PAGE_HEIGHT, PAGE_WIDTH, QR_SIZE,
    RIGHT_WIDTH, RIGHT_X, TEXT_WIDTH, Upper, WORDMARK, WORDMARK_BASELINE, fitting_size,
    module_blocks,
};
use super::{CertificateDoc, nfc, qr};
use crate::locale::Locale;

/// Draws the certificate `doc`, with its payload as `qr`, on the page `surface`.
pub(super) fn certificate(
    surface: &mut Surface<'_>,
    fonts: &'static FontSet,
    doc: &CertificateDoc,
    qr: &QrCode,
) {
    Painter { surface, fonts }.certificate(doc, qr);
}

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
        self.lines(block, |width| cx - width / 2.0, baseline, leading, colour)
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
        self.lines(block, |_| x, baseline, leading, colour)
    }

    /// Draws each line of `block` starting at `start(its width)`.
    fn lines(
        &mut self,
        block: &Block<'_>,
        start: impl Fn(f32) -> f32,
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
            self.draw_line(line, start(width), y, block.size, colour);
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
    /// at (`x`, `y`).
    fn qr_code(&mut self, code: &QrCode, x: f32, y: f32) {
        let module = QR_SIZE / qr::modules_across(code) as f32;
        self.fill_path(rect(x, y, QR_SIZE, QR_SIZE), WHITE);
        if let Some(path) = qr::dark_path(code) {
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
