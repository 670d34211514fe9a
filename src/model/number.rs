//! Exact decimal numbers as they come from a data file.
//!
//! TOML has integers and binary floats. A clerk who types `4.54` means the decimal 4.54, not
//! the nearest binary float, so every figure is turned into a [`Decimal`] as soon as it is
//! read: integers directly, floats through their shortest round-trip text (which is exactly
//! what was typed, up to 17 significant digits), and strings such as `"4.54"` for anyone who
//! wants to be explicit. NaN and infinities are rejected here, at the door.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A finite decimal figure read from a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Num(pub Decimal);

impl Num {
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Num {
    fn from(d: Decimal) -> Self {
        Num(d)
    }
}

/// A figure may be written as a number (`4.54`) or, to be explicit, as a string (`"4.54"`).
impl schemars::JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Num".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["number", "string"],
            "description": "a figure: 4.54, 57, or \"4.54\"",
        })
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

/// Why a value cannot be a figure; worded for the person who typed it.
pub fn parse_decimal_text(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("an empty string is not a number; write the figure, e.g. 4.54".into());
    }
    if trimmed.contains(',') || trimmed.contains(',') {
        return Err(format!(
            "\"{trimmed}\" has a thousands separator; write the figure without commas, e.g. 3752.12"
        ));
    }
    Decimal::from_str(trimmed)
        .or_else(|_| Decimal::from_scientific(trimmed))
        .map_err(|_| format!("\"{trimmed}\" is not a number; write digits such as 4.54 or 57"))
}

pub fn from_f64(v: f64) -> Result<Decimal, String> {
    if !v.is_finite() {
        return Err(format!(
            "{v} is not a usable figure (NaN or infinity); write a finite number"
        ));
    }
    // Rust prints the shortest text that reads back as the same f64, never in exponent form,
    // so this recovers what the user typed.
    Decimal::from_str(&v.to_string()).map_err(|_| {
        format!("{v:e} is too large or too precise; figures must stay below 7.9e28 in magnitude")
    })
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NumVisitor;
        impl Visitor<'_> for NumVisitor {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number such as 4.54 or 57")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
                from_f64(v).map(Num).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
                parse_decimal_text(v).map(Num).map_err(E::custom)
            }
        }
        d.deserialize_any(NumVisitor)
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(toml_value: &str) -> Result<Num, String> {
        #[derive(Deserialize)]
        struct W {
            v: Num,
        }
        toml::from_str::<W>(&format!("v = {toml_value}"))
            .map(|w| w.v)
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn floats_keep_the_digits_typed() {
        assert_eq!(num("4.54").unwrap().to_string(), "4.54");
        assert_eq!(num("0.1").unwrap().to_string(), "0.1");
        assert_eq!(num("3752.12").unwrap().to_string(), "3752.12");
        assert_eq!(num("57").unwrap().to_string(), "57");
        assert_eq!(num("\"1.28\"").unwrap().to_string(), "1.28");
    }

    #[test]
    fn non_finite_and_malformed_values_are_refused() {
        assert!(num("nan").unwrap_err().contains("NaN"));
        assert!(num("inf").unwrap_err().contains("infinity"));
        assert!(num("\"3,752\"").unwrap_err().contains("thousands"));
        assert!(num("\"abc\"").unwrap_err().contains("not a number"));
        assert!(num("1e300").unwrap_err().contains("too large"));
    }
}
