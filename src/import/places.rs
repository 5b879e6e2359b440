//! Finds curated places by name within their country (normalised, then spelling-tolerant) and,
//! for places the graph gives coordinates, by distance; also resolves country names.

use std::collections::HashMap;

use oxrdf::NamedNode;

use super::error::ImportError;
use super::normalize::{normalize, place_key, skeleton, slug, strip_admin_words};
use super::reconcile::{expand_iri, tsv_rows};
use super::vocab::BKG;

/// How far (km) an event's point may lie from a curated place's point to match it by distance.
pub const NEAR_KM: f64 = 2.0;

/// The level of a place below its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceLevel {
    /// First-level division (province).
    Admin1,
    /// Second-level division (district).
    Admin2,
    /// Third-level division.
    Admin3,
    /// A named location: town, village, site.
    Location,
}

/// A place of the curated graph, as the main crate reads it from the store (see
/// [`PLACES_QUERY`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CuratedPlace {
    /// The place's IRI.
    pub iri: String,
    /// One of its labels (pass one item per label).
    pub label: String,
    /// The IRI of the state it lies in, if the graph says.
    pub country: Option<String>,
    /// Its level, from its class (Province, District, Settlement and subclasses).
    pub level: Option<PlaceLevel>,
    /// Longitude and latitude, if the graph has them.
    pub point: Option<(f64, f64)>,
}

/// The SPARQL query whose rows feed [`super::Reconciler::with_places`] (`?point` is empty while
/// the curated graph states no coordinates).
pub const PLACES_QUERY: &str = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX bkg: <https://w3id.org/borderkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
SELECT ?iri ?label ?country ?class ?point WHERE {
  ?iri a ?class . ?class rdfs:subClassOf* bkg:Place .
  ?iri skos:prefLabel|skos:altLabel ?label .
  OPTIONAL { ?iri bkg:locatedIn+ ?country . ?country a bkg:State }
  OPTIONAL { ?iri geo:hasGeometry/geo:asWKT ?point }
}";

impl PlaceLevel {
    /// The level of a curated place from its class (a row of [`PLACES_QUERY`]): provinces,
    /// districts, and settlements and border crossings as locations; `None` for other places.
    pub fn from_class(class_iri: &str) -> Option<Self> {
        match class_iri.strip_prefix(BKG)? {
            "Province" => Some(Self::Admin1),
            "District" => Some(Self::Admin2),
            "Settlement" | "Village" | "Town" | "City" | "BorderCrossing" | "BorderPost" | "Facility" => {
                Some(Self::Location)
            }
            _ => None,
        }
    }
}

/// Reads a GeoSPARQL `POINT(lon lat)` literal (the `?point` of [`PLACES_QUERY`]).
pub fn parse_wkt_point(wkt: &str) -> Option<(f64, f64)> {
    let inner = wkt
        .trim()
        .strip_prefix("POINT")?
        .trim()
        .strip_prefix('(')?
        .strip_suffix(')')?;
    let mut numbers = inner.split_whitespace().map(str::parse::<f64>);
    let (lon, lat) = (numbers.next()?.ok()?, numbers.next()?.ok()?);
    numbers.next().is_none().then_some((lon, lat))
}

struct Candidate {
    iri: NamedNode,
    level: Option<PlaceLevel>,
}

/// Places by (country, name key), by (country, spelling skeleton), and by coordinates.
#[derive(Default)]
pub struct PlaceIndex {
    countries: HashMap<String, NamedNode>,
    by_key: HashMap<(NamedNode, String), Vec<Candidate>>,
    by_skeleton: HashMap<(NamedNode, String), Vec<Candidate>>,
    points: Vec<(NamedNode, NamedNode, f64, f64)>,
    /// The preferred label of a minted place that the alias table names (its current name).
    canonical: HashMap<NamedNode, String>,
}

impl PlaceIndex {
    /// Reads the place alias table: `country IRI<TAB>name<TAB>IRI<TAB>level`, `-` as the country
    /// (and level) of a row that names a country itself.
    ///
    /// # Errors
    /// [`ImportError::Aliases`] for a malformed line.
    pub fn from_aliases(tsv: &str) -> Result<Self, ImportError> {
        let mut index = Self::default();
        for (line, fields) in tsv_rows(tsv, 4)? {
            let iri = expand_iri(fields[2], line)?;
            if fields[0] == "-" {
                index.countries.insert(normalize(fields[1]), iri);
            } else {
                let country = expand_iri(fields[0], line)?;
                if iri
                    .as_str()
                    .ends_with(&format!("-{}", slug(&place_key(fields[1]))))
                {
                    index
                        .canonical
                        .entry(iri.clone())
                        .or_insert_with(|| strip_admin_words(fields[1]));
                }
                let level = match fields[3] {
                    "admin1" => PlaceLevel::Admin1,
                    "admin2" => PlaceLevel::Admin2,
                    "admin3" => PlaceLevel::Admin3,
                    "location" => PlaceLevel::Location,
                    other => {
                        return Err(ImportError::Aliases {
                            line,
                            reason: format!("unknown place level {other:?}"),
                        })
                    }
                };
                index.insert(&country, fields[1], iri, Some(level));
            }
        }
        Ok(index)
    }

    fn insert(&mut self, country: &NamedNode, name: &str, iri: NamedNode, level: Option<PlaceLevel>) {
        for (map, key) in [
            (&mut self.by_key, place_key(name)),
            (&mut self.by_skeleton, skeleton(name)),
        ] {
            let list = map.entry((country.clone(), key)).or_default();
            if !list.iter().any(|c| c.iri == iri && c.level == level) {
                list.push(Candidate {
                    iri: iri.clone(),
                    level,
                });
            }
        }
    }

    /// Adds a curated place. A place without a country is indexed only if it is itself a state
    /// (its label then names a country); otherwise it cannot be scoped and is left out.
    pub fn add(&mut self, place: CuratedPlace) {
        let Ok(iri) = NamedNode::new(place.iri) else {
            return;
        };
        let Some(country) = place.country.and_then(|c| NamedNode::new(c).ok()) else {
            return;
        };
        self.insert(&country, &place.label, iri.clone(), place.level);
        if let Some((lon, lat)) = place.point {
            if !self.points.iter().any(|(_, p, _, _)| *p == iri) {
                self.points.push((country, iri, lon, lat));
            }
        }
    }

    /// The preferred label the alias table gives a minted place, if any.
    pub fn canonical(&self, iri: &NamedNode) -> Option<&str> {
        self.canonical.get(iri).map(String::as_str)
    }

    /// The country a normalised name stands for.
    pub fn country(&self, norm: &str) -> Option<NamedNode> {
        self.countries.get(norm).cloned()
    }

    /// Finds a place of `country` named `name` at `level`: exact key first, then the spelling
    /// skeleton; a name that fits several places (and no level decides) matches none. Failing
    /// that, a location with a point matches the nearest curated place within [`NEAR_KM`].
    pub fn find(
        &self,
        country: &NamedNode,
        name: &str,
        level: PlaceLevel,
        point: Option<(f64, f64)>,
    ) -> Option<NamedNode> {
        let lookup = |map: &HashMap<(NamedNode, String), Vec<Candidate>>, key: String| {
            map.get(&(country.clone(), key))
                .and_then(|list| pick(list, level))
        };
        lookup(&self.by_key, place_key(name))
            .or_else(|| lookup(&self.by_skeleton, skeleton(name)))
            .or_else(|| {
                if level == PlaceLevel::Location {
                    point.and_then(|p| self.nearest(country, p))
                } else {
                    None
                }
            })
    }

    fn nearest(&self, country: &NamedNode, (lon, lat): (f64, f64)) -> Option<NamedNode> {
        self.points
            .iter()
            .filter(|(c, _, _, _)| c == country)
            .map(|(_, iri, x, y)| (haversine_km(lon, lat, *x, *y), iri))
            .filter(|(d, _)| *d <= NEAR_KM)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, iri)| iri.clone())
    }
}

/// The one place of the list at the wanted level (or of unknown level); `None` when none or
/// several fit. A place of the same name at another level (Kabul province, Kabul city) never fits.
fn pick(list: &[Candidate], level: PlaceLevel) -> Option<NamedNode> {
    let mut fitting = list.iter().filter(|c| c.level.is_none_or(|l| l == level));
    let first = fitting.next()?.iri.clone();
    fitting.all(|c| c.iri == first).then_some(first)
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nn(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("https://w3id.org/borderkg/id/{s}"))
    }

    fn place(iri: &str, label: &str, level: PlaceLevel, point: Option<(f64, f64)>) -> CuratedPlace {
        CuratedPlace {
            iri: nn(iri).into_string(),
            label: label.to_owned(),
            country: Some(nn("tajikistan").into_string()),
            level: Some(level),
            point,
        }
    }

    #[test]
    fn names_within_country_with_spelling_variants_and_levels() {
        let mut index = PlaceIndex::default();
        index.add(place("khatlon", "Khatlon", PlaceLevel::Admin1, None));
        index.add(place("ishkashim-district", "Ishkashim", PlaceLevel::Admin2, None));
        index.add(place(
            "ishkashim-tajikistan",
            "Ishkashim",
            PlaceLevel::Location,
            None,
        ));
        let tj = nn("tajikistan");
        assert_eq!(
            index.find(&tj, "Khatlon province", PlaceLevel::Admin1, None),
            Some(nn("khatlon"))
        );
        assert_eq!(
            index.find(&tj, "Ishkoshim district", PlaceLevel::Admin2, None),
            Some(nn("ishkashim-district"))
        );
        assert_eq!(
            index.find(&tj, "Ishkashim", PlaceLevel::Location, None),
            Some(nn("ishkashim-tajikistan"))
        );
        assert_eq!(
            index.find(&nn("afghanistan"), "Khatlon", PlaceLevel::Admin1, None),
            None
        );
    }

    #[test]
    fn coordinates_match_a_location_whose_name_differs() {
        let mut index = PlaceIndex::default();
        index.add(place("kavo", "Kavo", PlaceLevel::Location, Some((68.9, 37.2))));
        let tj = nn("tajikistan");
        assert_eq!(
            index.find(&tj, "Dusti outpost", PlaceLevel::Location, Some((68.905, 37.201))),
            Some(nn("kavo"))
        );
        assert_eq!(
            index.find(&tj, "Elsewhere", PlaceLevel::Location, Some((69.5, 37.2))),
            None
        );
    }

    #[test]
    fn classes_and_points_from_the_store() {
        assert_eq!(
            PlaceLevel::from_class("https://w3id.org/borderkg/ontology#Village"),
            Some(PlaceLevel::Location)
        );
        assert_eq!(
            PlaceLevel::from_class("https://w3id.org/borderkg/ontology#State"),
            None
        );
        assert_eq!(parse_wkt_point("POINT(69.21 34.56)"), Some((69.21, 34.56)));
        assert_eq!(parse_wkt_point(" POINT (69.21 34.56) "), Some((69.21, 34.56)));
        assert_eq!(parse_wkt_point("LINESTRING(0 0, 1 1)"), None);
    }

    #[test]
    fn distance() {
        let d = haversine_km(69.17, 34.53, 68.78, 38.56);
        assert!((440.0..460.0).contains(&d), "{d}");
    }
}
