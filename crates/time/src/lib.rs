//! eventwire-time
