//! The payload as a QR code: the `qrcode` crate builds the symbol; here its dark modules are
//! turned into one path of horizontal strokes.

use krilla::geom::{Path, PathBuilder};
use qrcode::{Color, EcLevel, QrCode};

use super::PdfError;

/// Light modules around the symbol on each side.
const QUIET_MODULES: usize = 4;

/// The payload as a QR code at error correction level M.
pub(super) fn encode(payload: &str) -> Result<QrCode, PdfError> {
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

/// Modules across the symbol, quiet zone included.
pub(super) fn modules_across(code: &QrCode) -> usize {
    code.width() + 2 * QUIET_MODULES
}

/// The dark modules of `code` as one path in module units, with the quiet zone's offset: a
/// line along the top edge of each horizontal run of dark modules. Stroked one module wide
/// after moving down half a module, each line covers its run.
pub(super) fn dark_path(code: &QrCode) -> Option<Path> {
    let mut builder = PathBuilder::new();
    for (row, start, len) in dark_runs(code) {
        let (row, start) = (row + QUIET_MODULES, start + QUIET_MODULES);
        builder.move_to(start as f32, row as f32);
        builder.line_to((start + len) as f32, row as f32);
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificates::pdf::tests::payload;

    #[test]
    fn qr_runs_cover_exactly_the_dark_modules() {
        for (seed, len) in [(1, 100), (2, 333), (5, 560), (9, 700), (11, 1200)] {
            let data = payload(seed, len);
            let code = encode(&data).unwrap();
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
            encode(&"A".repeat(4000)),
            Err(PdfError::QrCode(_))
        ));
    }
}
