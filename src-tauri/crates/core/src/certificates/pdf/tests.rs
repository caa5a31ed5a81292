//! Rendering whole certificates: the payload in the metadata, sizes, determinism, extremes,
//! and sample files to look at.

use super::*;
use crate::certificates::payload::{PAYLOAD_PREFIX, find_payload};

pub(super) fn payload(seed: u64, len: usize) -> String {
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

pub(super) fn doc(locale: Locale, name: &str, module_count: usize) -> CertificateDoc {
    let english = "has completed the APEC SME Digital Resilience Training Workshop, Malaysia 2018";
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
        endorsement: None,
        title: format!("{heading} — {name}"),
        issuer_fingerprint: "3f2a 9c01 77be 4d10".into(),
        issuer_label: issuer.into(),
    }
}

pub(super) const VI_NFD: &str = "Nguye\u{302}\u{303}n Thi\u{323} Hu\u{31b}o\u{31b}ng";

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
