//! eventwire
