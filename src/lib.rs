pub mod diagnostic;
pub mod layout;
pub mod source;
pub mod ast;
pub mod parser;
