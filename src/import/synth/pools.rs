//! The names the generator draws from: real districts and towns on both sides of the
//! Afghanistan–Pakistan and Afghanistan–Tajikistan borders, the armed actors active in each
//! country as each dataset spells them, and weighted event types.

/// A place and its administrative parents, with approximate coordinates.
pub struct Site {
    pub country: &'static str,
    pub iso3: &'static str,
    /// FIPS country code, as GDELT geography uses it.
    pub fips: &'static str,
    pub admin1: &'static str,
    pub admin2: &'static str,
    pub location: &'static str,
    pub lat: f64,
    pub lon: f64,
}

const fn site(
    country: &'static str,
    admin1: &'static str,
    admin2: &'static str,
    location: &'static str,
    lat: f64,
    lon: f64,
) -> Site {
    let (iso3, fips) = match country.as_bytes()[0] {
        b'A' => ("AFG", "AF"),
        b'P' => ("PAK", "PK"),
        _ => ("TJK", "TI"),
    };
    Site {
        country,
        iso3,
        fips,
        admin1,
        admin2,
        location,
        lat,
        lon,
    }
}

pub const SITES: &[Site] = &[
    site(
        "Afghanistan",
        "Badakhshan",
        "Ishkashim",
        "Ishkashim",
        36.71,
        71.61,
    ),
    site("Afghanistan", "Badakhshan", "Zebak", "Zebak", 36.53, 71.34),
    site("Afghanistan", "Badakhshan", "Fayzabad", "Fayzabad", 37.12, 70.58),
    site("Afghanistan", "Kunar", "Asadabad", "Asadabad", 34.87, 71.15),
    site("Afghanistan", "Nangarhar", "Achin", "Achin", 34.13, 70.70),
    site("Afghanistan", "Nangarhar", "Jalalabad", "Jalalabad", 34.43, 70.45),
    site("Afghanistan", "Paktika", "Barmal", "Barmal", 32.70, 69.30),
    site("Afghanistan", "Khost", "Khost", "Khost", 33.34, 69.92),
    site("Afghanistan", "Kabul", "Kabul", "Kabul", 34.53, 69.17),
    site(
        "Afghanistan",
        "Kunduz",
        "Imam Sahib",
        "Sher Khan Bandar",
        37.20,
        68.60,
    ),
    site(
        "Afghanistan",
        "Takhar",
        "Dasht-e Qala",
        "Dasht-e Qala",
        37.24,
        69.43,
    ),
    site(
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "Kurram",
        "Parachinar",
        33.90,
        70.10,
    ),
    site(
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "North Waziristan",
        "Miranshah",
        33.00,
        70.07,
    ),
    site(
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "South Waziristan",
        "Wana",
        32.30,
        69.57,
    ),
    site("Pakistan", "Khyber Pakhtunkhwa", "Bajaur", "Khar", 34.73, 71.52),
    site(
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "Khyber",
        "Torkham",
        34.10,
        71.09,
    ),
    site(
        "Pakistan",
        "Khyber Pakhtunkhwa",
        "Peshawar",
        "Peshawar",
        34.01,
        71.58,
    ),
    site("Pakistan", "Balochistan", "Quetta", "Quetta", 30.18, 66.99),
    site(
        "Pakistan",
        "Balochistan",
        "Killa Abdullah",
        "Chaman",
        30.92,
        66.45,
    ),
    site("Tajikistan", "Khatlon", "Shamsiddin Shohin", "Kavo", 37.61, 70.12),
    site("Tajikistan", "Khatlon", "Panj", "Panj", 37.24, 69.10),
    site("Tajikistan", "Khatlon", "Farkhor", "Farkhor", 37.49, 69.40),
    site(
        "Tajikistan",
        "Gorno-Badakhshan",
        "Ishkoshim",
        "Ishkoshim",
        36.73,
        71.61,
    ),
    site(
        "Tajikistan",
        "Gorno-Badakhshan",
        "Darvoz",
        "Kalai Khumb",
        38.46,
        70.79,
    ),
    site(
        "Tajikistan",
        "Gorno-Badakhshan",
        "Khorugh",
        "Khorugh",
        37.49,
        71.55,
    ),
];

/// An actor as each dataset names it: UCDP side, ACLED actor, CAMEO code, GDELT actor name.
pub type Party = (&'static str, &'static str, &'static str, &'static str);

/// Each country's state side.
pub const STATE_FORCES: &[(&str, Party)] = &[
    (
        "AFG",
        (
            "Government of Afghanistan",
            "Military Forces of Afghanistan (2021-)",
            "AFGGOV",
            "AFGHANISTAN",
        ),
    ),
    (
        "PAK",
        (
            "Government of Pakistan",
            "Military Forces of Pakistan (2018-)",
            "PAKMIL",
            "PAKISTAN",
        ),
    ),
    (
        "TJK",
        (
            "Government of Tajikistan",
            "Military Forces of Tajikistan",
            "TJKMIL",
            "TAJIKISTAN",
        ),
    ),
];

/// Armed groups by the country they fight in.
pub const ARMED_GROUPS: &[(&str, Party)] = &[
    ("AFG", ("IS", "Islamic State (Afghanistan)", "AFGREB", "MILITANT")),
    (
        "AFG",
        (
            "National Resistance Front",
            "National Resistance Front",
            "AFGREB",
            "REBEL",
        ),
    ),
    ("AFG", ("Taleban", "Taliban", "AFGTAL", "TALIBAN")),
    (
        "PAK",
        ("TTP", "TTP: Tehrik-i-Taliban Pakistan", "PAKTAL", "TALIBAN"),
    ),
    (
        "PAK",
        ("BLA", "BLA: Baloch Liberation Army", "PAKREB", "SEPARATIST"),
    ),
    ("PAK", ("IS", "Islamic State (Pakistan)", "PAKREB", "MILITANT")),
    (
        "TJK",
        (
            "Jamaat Ansarullah",
            "Unidentified Armed Group (Afghanistan)",
            "AFGREB",
            "MILITANT",
        ),
    ),
];

/// ACLED event type, sub-event type, weight.
pub const ACLED_TYPES: &[(&str, &str, u8)] = &[
    ("Battles", "Armed clash", 30),
    ("Battles", "Non-state actor overtakes territory", 3),
    ("Explosions/Remote violence", "Air/drone strike", 10),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 12),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        6,
    ),
    ("Explosions/Remote violence", "Suicide bomb", 3),
    ("Violence against civilians", "Attack", 14),
    ("Violence against civilians", "Abduction/forced disappearance", 4),
    ("Protests", "Peaceful protest", 8),
    ("Riots", "Mob violence", 2),
    ("Strategic developments", "Arrests", 5),
    ("Strategic developments", "Agreement", 3),
];

/// CAMEO event code, base code, root code.
pub const CAMEO: &[(&str, &str, &str)] = &[
    ("190", "190", "19"),
    ("193", "193", "19"),
    ("1951", "195", "19"),
    ("183", "183", "18"),
    ("186", "186", "18"),
    ("112", "112", "11"),
    ("111", "111", "11"),
    ("138", "138", "13"),
    ("046", "046", "04"),
    ("042", "042", "04"),
    ("057", "057", "05"),
    ("010", "010", "01"),
    ("173", "173", "17"),
    ("154", "154", "15"),
];

/// Made-up outlet names for the source columns.
pub const OUTLETS: &[&str] = &[
    "Example Daily",
    "Example Wire",
    "Example Radio",
    "Example Times",
    "Local partner",
];

pub use crate::dates::MONTHS;
