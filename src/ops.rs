//! One path per user action: each operation takes the store, the plan, the request (and the
//! clock where it dates something) and returns the outcome or a refusal as data. The command
//! line and the full-screen view only ask, confirm and print.

pub mod round;
