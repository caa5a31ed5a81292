//! The words printed on a certificate, in each of the six languages. Economy names are the
//! workshops module's (`workshops::economies`).

use crate::locale::Locale;

/// The fixed texts of a certificate in one language.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    pub heading: &'static str,
    pub presented_to: &'static str,
    pub achievement: &'static str,
    pub date: &'static str,
    pub id: &'static str,
    pub score: &'static str,
    pub modules: &'static str,
    pub verify_hint: &'static str,
    pub issuer: &'static str,
}

pub fn texts(locale: Locale) -> Texts {
    match locale {
        Locale::En => Texts {
            heading: "Certificate of Completion",
            presented_to: "This certifies that",
            achievement: "has completed the APEC SME Digital Resilience Training Workshop",
            date: "Date of completion",
            id: "Certificate ID",
            score: "Quiz score",
            modules: "Modules completed",
            verify_hint: "Scan to check this certificate offline in SME Digital Resilience, or run: sdr verify",
            issuer: "Issuer key",
        },
        Locale::Ms => Texts {
            heading: "Sijil Penyempurnaan",
            presented_to: "Dengan ini disahkan bahawa",
            achievement: "telah menamatkan Bengkel Latihan Daya Tahan Digital PKS APEC",
            date: "Tarikh tamat",
            id: "ID sijil",
            score: "Skor kuiz",
            modules: "Modul yang ditamatkan",
            verify_hint: "Imbas untuk menyemak sijil ini di luar talian dalam SME Digital Resilience, atau jalankan: sdr verify",
            issuer: "Kunci pengeluar",
        },
        Locale::Fil => Texts {
            heading: "Sertipiko ng Pagtatapos",
            presented_to: "Pinatutunayan nito na si",
            achievement: "ay nakatapos ng APEC SME Digital Resilience Training Workshop",
            date: "Petsa ng pagtatapos",
            id: "ID ng sertipiko",
            score: "Marka sa mga pagsusulit",
            modules: "Mga modyul na natapos",
            verify_hint: "I-scan para suriin ang sertipikong ito nang offline sa SME Digital Resilience, o patakbuhin: sdr verify",
            issuer: "Susi ng nag-isyu",
        },
        Locale::ZhHant => Texts {
            heading: "結業證書",
            presented_to: "茲證明",
            achievement: "已完成亞太經濟合作（APEC）中小企業數位韌性培訓工作坊",
            date: "完成日期",
            id: "證書編號",
            score: "測驗成績",
            modules: "已完成單元",
            verify_hint: "掃描即可在 SME Digital Resilience 中離線查驗本證書，或執行：sdr verify",
            issuer: "簽發金鑰",
        },
        Locale::Th => Texts {
            heading: "ประกาศนียบัตรผู้สำเร็จการอบรม",
            presented_to: "ประกาศนียบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า",
            achievement: "ได้สำเร็จการอบรมเชิงปฏิบัติการด้านความยืดหยุ่นทางดิจิทัลสำหรับ SME ของเอเปค",
            date: "วันที่สำเร็จการอบรม",
            id: "เลขที่ประกาศนียบัตร",
            score: "คะแนนแบบทดสอบ",
            modules: "โมดูลที่สำเร็จ",
            verify_hint: "สแกนเพื่อตรวจสอบประกาศนียบัตรนี้แบบออฟไลน์ใน SME Digital Resilience หรือใช้คำสั่ง: sdr verify",
            issuer: "กุญแจผู้ออก",
        },
        Locale::Vi => Texts {
            heading: "Giấy chứng nhận hoàn thành",
            presented_to: "Chứng nhận",
            achievement: "đã hoàn thành Hội thảo tập huấn của APEC về khả năng chống chịu số cho doanh nghiệp nhỏ và vừa",
            date: "Ngày hoàn thành",
            id: "Mã giấy chứng nhận",
            score: "Điểm bài kiểm tra",
            modules: "Các học phần đã hoàn thành",
            verify_hint: "Quét mã để kiểm tra giấy chứng nhận này ngoại tuyến trong SME Digital Resilience, hoặc chạy: sdr verify",
            issuer: "Khóa của đơn vị cấp",
        },
    }
}
