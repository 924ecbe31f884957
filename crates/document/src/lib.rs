//! eventwire-document
