//! eventwire-input
