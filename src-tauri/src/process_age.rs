//! How long the current process had run before `main`, from /proc (Linux; 10 ms resolution).
//! Shared, by `#[path]`, with the benchmark peer `sdr-empty-window`, so both are timed alike.

/// Milliseconds since the process started, or `None` where /proc does not tell.
pub fn process_age_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let start_ticks: f64 = rest.split_whitespace().nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let uptime_s: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    // USER_HZ is 100 on every Linux architecture the app ships for.
    let age = uptime_s * 1000.0 - start_ticks * 10.0;
    (0.0..60_000.0).contains(&age).then_some(age)
}
