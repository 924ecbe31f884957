//! eventwire-kb
