//! The process's peak memory, for the end-of-run summary: what users sizing a machine or a Spark
//! executor need, and what the memory-bound tests read.

/// The peak resident set size of this process in bytes (Linux's `VmHWM`); `None` where the
/// system does not say.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

/// The `VmHWM` line of a `/proc/<pid>/status` text, in bytes.
fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_high_water_mark_of_a_status_text() {
        let status =
            "Name:\tbyline\nVmPeak:\t  200000 kB\nVmHWM:\t   31512 kB\nVmRSS:\t   30000 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(31_512 * 1024));
        assert_eq!(parse_vm_hwm("Name:\tbyline\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_peak() {
        assert!(peak_rss_bytes().is_some_and(|b| b > 0));
    }
}
