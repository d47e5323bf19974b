//! Enums that are spelled the same way on the command line, in JSON and in
//! the store, so one table per enum says how.

/// The error for a word that names no variant; lists the words that do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} '{given}' is not one of: {expected}")]
pub struct UnknownKeyword {
    pub what: &'static str,
    pub given: String,
    pub expected: String,
}

macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn expected() -> String {
                [$($word),+].join(", ")
            }

            /// Each variant's word and the other words it takes.
            pub fn words() -> &'static [(&'static str, &'static [&'static str])] {
                &[$(($word, &[$($alias),*])),+]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // pad, not write_str, so that `{:<8}` aligns keywords
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::keyword::UnknownKeyword;

            fn from_str(given: &str) -> Result<Self, Self::Err> {
                let wanted = given.trim();
                $(
                    if wanted.eq_ignore_ascii_case($word) $(|| wanted.eq_ignore_ascii_case($alias))* {
                        return Ok($name::$variant);
                    }
                )+
                Err($crate::domain::keyword::UnknownKeyword {
                    what: $what,
                    given: given.to_string(),
                    expected: Self::expected(),
                })
            }
        }
    };
}

pub(crate) use keyword_enum;
