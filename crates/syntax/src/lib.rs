//! eventwire-syntax
