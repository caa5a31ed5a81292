//! The economies of the workshops: their names in the six languages and their two-letter
//! codes, keyed by the English name the seeds use.

use crate::locale::Locale;

/// An economy's two-letter code (ISO 3166-1 alpha-2) for certificate ids, from its English
/// name in the seeds.
pub fn economy_code(english: &str) -> Option<&'static str> {
    Some(match english {
        "Malaysia" => "MY",
        "The Philippines" => "PH",
        "Chinese Taipei" => "TW",
        "Thailand" => "TH",
        "Viet Nam" => "VN",
        _ => return None,
    })
}

/// An economy's name in `locale`, from its English name in the seeds; an economy this table
/// does not know keeps its English name.
pub fn economy_name(english: &str, locale: Locale) -> String {
    let names: [&str; 6] = match english {
        "Malaysia" => [
            "Malaysia",
            "Malaysia",
            "Malaysia",
            "馬來西亞",
            "มาเลเซีย",
            "Malaysia",
        ],
        "The Philippines" => [
            "The Philippines",
            "Filipina",
            "Pilipinas",
            "菲律賓",
            "ฟิลิปปินส์",
            "Philippines",
        ],
        "Chinese Taipei" => [
            "Chinese Taipei",
            "Taipei China",
            "Chinese Taipei",
            "中華台北",
            "จีนไทเป",
            "Đài Bắc Trung Hoa",
        ],
        "Thailand" => [
            "Thailand",
            "Thailand",
            "Thailand",
            "泰國",
            "ประเทศไทย",
            "Thái Lan",
        ],
        "Viet Nam" => [
            "Viet Nam",
            "Vietnam",
            "Viet Nam",
            "越南",
            "เวียดนาม",
            "Việt Nam",
        ],
        other => return other.to_string(),
    };
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    names[i].to_string()
}
