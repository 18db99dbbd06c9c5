#include "cli/progress.h"

#include <cstdio>

namespace vanban::cli {

Progress::Progress(std::ostream& out, bool enabled, Environment& env)
    : out_(out), enabled_(enabled), env_(env), started_us_(env.monotonic_microseconds()) {}

Progress::~Progress() { finish(); }

void Progress::set_total(std::uint64_t total) {
  std::lock_guard<std::mutex> lock(mutex_);
  total_ = total;
}

void Progress::document_done(bool failed) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (failed) ++failed_;
  // Redrawing costs a write: ten times a second is plenty.
  std::int64_t now = env_.monotonic_microseconds();
  if (now - last_draw_us_ >= 100000 || done_ == total_) {
    last_draw_us_ = now;
    draw();
  }
}

void Progress::draw() {
  if (!enabled_) return;
  double seconds = (env_.monotonic_microseconds() - started_us_) / 1e6;
  double rate = seconds > 0 ? done_ / seconds : 0;
  char line[160];
  int n = std::snprintf(line, sizeof line, "\r\x1b[K%llu/%llu documents, %.0f/s",
                        static_cast<unsigned long long>(done_),
                        static_cast<unsigned long long>(total_), rate);
  if (rate > 0 && total_ > done_) {
    double left = (total_ - done_) / rate;
    n += std::snprintf(line + n, sizeof line - n, ", %.0f s left", left);
  }
  if (failed_) {
    std::snprintf(line + n, sizeof line - n, ", %llu failed",
                  static_cast<unsigned long long>(failed_));
  }
  out_ << line << std::flush;
  drawn_ = true;
}

void Progress::clear() {
  if (enabled_ && drawn_) out_ << "\r\x1b[K" << std::flush;
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (enabled_ && drawn_) {
    draw();
    out_ << '\n' << std::flush;
    drawn_ = false;
  }
  enabled_ = false;
}

}  // namespace vanban::cli
