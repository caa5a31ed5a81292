//! Renders a certificate of completion as a one-page, A4 landscape PDF.
//!
//! Text is set in embedded Noto fonts: Noto Serif for Latin script (including Vietnamese), Noto
//! Serif Thai for Thai and Noto Sans CJK TC for Han and the other CJK characters. Every string is
//! NFC-normalised and split into script runs; each run is shaped with its own font and the runs
//! are laid out left to right, so one line may mix scripts. Lines that are too wide are wrapped
//! at spaces where that is allowed (Thai, when that is not enough, also between words) and
//! otherwise set smaller until they fit.
//!
//! The payload is drawn as a QR code and stored as plain ASCII in the document metadata: as the
//! `/Subject` of the document information dictionary and as `dc:description` in the (uncompressed)
//! XMP metadata stream, where [`find_payload`](super::payload::find_payload) finds it.
//!
//! `fonts` knows the embedded fonts and splits text into font runs, `layout` sets text in lines
//! and blocks and holds the page geometry, `paint` draws the page and `qr` turns the payload
//! into the QR code's path.

mod fonts;
mod layout;
mod paint;
mod qr;
#[cfg(test)]
mod tests;

use krilla::Document;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use unicode_normalization::UnicodeNormalization;

use self::fonts::FONTS;
use self::layout::{PAGE_HEIGHT, PAGE_WIDTH};
use super::payload::is_payload;
use crate::locale::Locale;

/// The application named as the creator in the document metadata.
const CREATOR: &str = "SME Digital Resilience";

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
    /// The issuing laptop's endorsement by an organizer's programme (`SDREND1.…`), stored in
    /// the document's keywords for verifiers; `None` when it has none.
    pub endorsement: Option<String>,
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
    let qr = qr::encode(&doc.payload)?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Render("invalid page size".into()))?;

    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title(nfc(&doc.title))
        .description(doc.payload.clone())
        .creator(CREATOR.to_string())
        .language(language_tag(doc.locale).to_string());
    if let Some(e) = &doc.endorsement {
        metadata = metadata.keywords(vec![e.clone()]);
    }
    document.set_metadata(metadata);
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    paint::certificate(&mut surface, fonts, doc, &qr);
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
