//! Pure reports over the book: functions of data and a date, no I/O.

pub mod due;
pub mod duplicates;
pub mod focus;
pub mod groups;
pub mod plan;
pub mod ranking;
pub mod reason;
pub mod review;

#[cfg(test)]
pub(crate) mod test_book;
