//! Context the coder must carry across words and sentences: whose forces, which border, what a
//! noun or clause adds to the event beside it. Invented sentences only.

use super::{has, run, triples};

#[test]
fn a_diplomatic_mission_is_named_with_its_seat() {
    let x = run(
        "t-mission",
        "2025-11-20",
        "The Iranian consulate in Islamabad urged Pakistan to tighten security around its staff.",
    );
    assert!(
        has(&x, &["iranian-consulate-in-islamabad"], "Appeal", &["pakistan"]),
        "{:?}",
        triples(&x)
    );
    let y = run(
        "t-mission-2",
        "2025-11-20",
        "The Chinese embassy urged Tajikistan to find those responsible.",
    );
    assert!(
        has(&y, &["chinese-embassy"], "Appeal", &["tajikistan"]),
        "{:?}",
        triples(&y)
    );
}

#[test]
fn losses_inflicted_name_the_target_of_a_raid() {
    let x = run(
        "t-losses",
        "2025-10-20",
        "Taliban fighters raided three frontier outposts before dawn, inflicting heavy losses on Pakistani soldiers.",
    );
    assert!(
        has(&x, &["taliban"], "Attack", &["pakistani-security-forces"]),
        "{:?}",
        triples(&x)
    );
}

#[test]
fn soldiers_troops_and_forces_of_a_state_are_one_body() {
    let x = run(
        "t-forces",
        "2025-10-20",
        "TTP gunmen ambushed Iranian troops near Torkham. \
         Days later the TTP attacked Iranian soldiers again.",
    );
    let ts = triples(&x);
    assert!(
        ts.iter()
            .filter(|(a, _, t)| a == &["ttp"] && t == &["iranian-security-forces"])
            .count()
            == 2,
        "{ts:?}"
    );
}

#[test]
fn bare_security_forces_belong_to_the_state_named_for_them_before() {
    let x = run(
        "t-bare",
        "2025-10-20",
        "Pakistani troops patrolled the frontier all week. \
         On Tuesday, security forces clashed with TTP fighters near Torkham.",
    );
    assert!(
        has(&x, &["pakistani-security-forces"], "Clash", &["ttp"])
            || has(&x, &["ttp"], "Clash", &["pakistani-security-forces"]),
        "{:?}",
        triples(&x)
    );
    // Someone else's forces stay unresolved.
    let y = run(
        "t-bare-2",
        "2025-10-20",
        "Pakistani troops patrolled the frontier all week. \
         On Tuesday, rebel forces clashed with TTP fighters near Torkham.",
    );
    assert!(
        !triples(&y)
            .iter()
            .any(|(a, _, t)| a.iter().chain(t).any(|e| e == "pakistani-security-forces")),
        "{:?}",
        triples(&y)
    );
}

#[test]
fn their_forces_and_enemy_posts_are_state_bodies() {
    let x = run(
        "t-posts",
        "2025-10-20",
        "Pakistani officials said their forces shelled Afghan posts overnight.",
    );
    assert!(
        has(&x, &["pakistani-security-forces"], "Attack", &["taliban"]),
        "{:?}",
        triples(&x)
    );
}

#[test]
fn an_unnamed_subject_keeps_an_earlier_name_out() {
    let x = run(
        "t-unnamed",
        "2025-12-10",
        "When Tajik border guards approached the river, the smugglers opened fire on them.",
    );
    assert!(
        !triples(&x)
            .iter()
            .any(|(a, c, _)| c == "ArmedAttack" && a.iter().any(|e| e == "tajik-border-guards")),
        "{:?}",
        triples(&x)
    );
}

#[test]
fn fighting_without_a_place_is_on_the_articles_border() {
    let x = run(
        "t-border",
        "2025-12-20",
        "Tajik border guards clashed with smugglers on Friday night. \
         The smugglers had crossed the Afghanistan-Tajikistan border near a village, officials said. \
         Tajikistan urged Afghanistan on Saturday to return the men.",
    );
    let place_of = |class: &str| {
        x.events
            .iter()
            .find(|e| e.class.ends_with(class))
            .and_then(|e| e.place.as_ref())
            .map(|p| p.iri.rsplit('/').next().unwrap_or("").to_owned())
    };
    assert_eq!(
        place_of("#Clash").as_deref(),
        Some("afghanistan-tajikistan-border")
    );
    // Speech keeps no place of its own.
    assert_eq!(place_of("#Appeal"), None);
}

#[test]
fn a_noun_after_and_shares_the_nationality_before_it() {
    let x = run(
        "t-and",
        "2025-12-20",
        "The TTP attacked Iranian soldiers and civilians in a border town.",
    );
    assert!(
        has(
            &x,
            &["ttp"],
            "Attack",
            &["iranian-security-forces", "iranian-civilians"]
        ),
        "{:?}",
        triples(&x)
    );
}

#[test]
fn a_bilateral_agreement_is_between_the_articles_two_states() {
    let x = run(
        "t-bilateral",
        "2025-12-20",
        "Pakistan and Iran have traded delegations all year. \
         Iran hosted Pakistani ministers again in March. \
         A bilateral agreement on electricity was signed on Monday.",
    );
    let ts = triples(&x);
    assert!(
        ts.iter().any(|(a, c, _)| c == "Agreement"
            && a.contains(&"iran".to_owned())
            && a.contains(&"pakistan".to_owned())),
        "{ts:?}"
    );
}

#[test]
fn unease_in_the_passive_is_the_by_agents_concern() {
    let x = run(
        "t-unease",
        "2025-12-20",
        "Tajikistan opened a new bridge to Afghanistan, a move watched with unease by Iran.",
    );
    assert!(
        has(&x, &["iran"], "ExpressionOfConcern", &[]),
        "{:?}",
        triples(&x)
    );
}

#[test]
fn criticism_named_before_an_accusing_participle_targets_the_accused() {
    let x = run(
        "t-critic",
        "2025-12-20",
        "Iran was blunt in its criticism, accusing Pakistan of ignoring the smugglers.",
    );
    assert!(
        has(&x, &["iran"], "Criticism", &["pakistan"]),
        "{:?}",
        triples(&x)
    );
    assert!(
        has(&x, &["iran"], "Accusation", &["pakistan"]),
        "{:?}",
        triples(&x)
    );
}

#[test]
fn a_body_speaking_in_a_with_clause_shares_the_warning() {
    let x = run(
        "t-with",
        "2025-12-20",
        "Dushanbe issued a stern warning to the Taliban, with the Tajik Border Troops stating that \
         any further incursion would meet force.",
    );
    let ts = triples(&x);
    assert!(
        ts.iter().any(|(a, c, t)| c == "Warning"
            && a.contains(&"tajik-border-troops".to_owned())
            && a.contains(&"tajikistan".to_owned())
            && t == &["taliban"]),
        "{ts:?}"
    );
}

#[test]
fn an_attack_on_a_groups_leaders_is_on_the_group() {
    let x = run(
        "t-leaders",
        "2025-12-20",
        "Pakistani jets bombed ISKP commanders in a mountain hideout on Sunday.",
    );
    let ts = triples(&x);
    assert!(
        ts.iter()
            .any(|(_, _, t)| t.contains(&"iskp-commanders".to_owned()) && t.contains(&"iskp".to_owned())),
        "{ts:?}"
    );
}
