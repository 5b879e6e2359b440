//! CPU accounting around a timed run, from Linux's `/proc`: how many cores the benchmark itself
//! kept busy, and how many other processes took meanwhile. On a shared 2-core machine a parallel
//! measure timed while something else runs is slowed far more than a single-threaded one, so the
//! ratios are only fair when the background figure is near 0.

use std::time::Instant;

/// Linux reports CPU time in ticks of 1/100 s (`USER_HZ`) on every mainstream architecture.
const TICKS_PER_SECOND: f64 = 100.0;
/// Shorter runs get no usage figures: a few ticks either way would swamp them.
const MIN_WALL_SECONDS: f64 = 1.0;

/// CPU counters at one instant; `None` fields where `/proc` cannot be read (not Linux).
pub struct Sample {
    at: Instant,
    /// CPU seconds used by this process, all threads.
    process: Option<f64>,
    /// CPU seconds used by the whole machine, all cores.
    machine: Option<f64>,
}

/// Cores used over a timed interval.
pub struct Usage {
    /// Average number of cores this process kept busy.
    pub own: Option<f64>,
    /// Average number of cores everything else kept busy.
    pub background: Option<f64>,
}

impl Sample {
    /// Counters just before a timed run: the clock is read last, so reading `/proc` is not timed.
    pub fn before() -> Self {
        let process = process_seconds();
        let machine = machine_seconds();
        Self {
            at: Instant::now(),
            process,
            machine,
        }
    }

    /// Counters just after a timed run: the clock is read first.
    pub fn after() -> Self {
        let at = Instant::now();
        Self {
            at,
            process: process_seconds(),
            machine: machine_seconds(),
        }
    }

    /// Wall-clock seconds from `earlier` to `self`.
    pub fn seconds_since(&self, earlier: &Sample) -> f64 {
        self.at.duration_since(earlier.at).as_secs_f64()
    }

    /// Usage from `self` to `later`; `None` figures for runs under [`MIN_WALL_SECONDS`].
    pub fn until(&self, later: &Sample) -> Usage {
        let wall = later.seconds_since(self);
        if wall < MIN_WALL_SECONDS {
            return Usage {
                own: None,
                background: None,
            };
        }
        let own = self.process.zip(later.process).map(|(a, b)| (b - a) / wall);
        let machine = self.machine.zip(later.machine).map(|(a, b)| (b - a) / wall);
        Usage {
            own,
            background: own.zip(machine).map(|(own, all)| (all - own).max(0.0)),
        }
    }
}

/// utime + stime of `/proc/self/stat` (fields 14 and 15, counted after the parenthesised name).
fn process_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / TICKS_PER_SECOND)
}

/// Busy time of all cores from the `cpu` line of `/proc/stat`: everything but idle and iowait.
fn machine_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().find(|l| l.starts_with("cpu "))?;
    let ticks: Vec<f64> = line
        .split_whitespace()
        .skip(1)
        .take(8)
        .map(|t| t.parse().unwrap_or(0.0))
        .collect();
    // user nice system idle iowait irq softirq steal; guest time is already inside user.
    let idle: f64 = ticks.iter().skip(3).take(2).sum();
    let busy = ticks.iter().sum::<f64>() - idle;
    Some(busy / TICKS_PER_SECOND)
}
