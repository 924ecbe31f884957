//! eventwire-text
