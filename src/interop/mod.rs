//! Interchange with other formats for governance data: Popolo JSON.

pub mod popolo;
