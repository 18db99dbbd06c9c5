#include "cli/progress.h"

#include <cstdio>

namespace vanban::cli {

Progress::Progress(std::ostream& out, bool enabled, Environment& env)
    : out_(out), enabled_(enabled), env_(env), started_us_(env.monotonic_microseconds()) {}

Progress::~Progress() { finish(); }

void Progress::add_to_total(std::uint64_t documents) {
  std::lock_guard<std::mutex> lock(mutex_);
  total_ += documents;
}

void Progress::reading_done() {
  std::lock_guard<std::mutex> lock(mutex_);
  read_all_ = true;
  if (drawn_) draw();
}

void Progress::session_rejected() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++failed_;
}

void Progress::warned(std::uint64_t warnings) {
  std::lock_guard<std::mutex> lock(mutex_);
  warnings_ += warnings;
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
  // "+" while the total still grows: more sessions are being read.
  int n = std::snprintf(line, sizeof line, "\r\x1b[K%llu/%llu%s văn bản",
                        static_cast<unsigned long long>(done_),
                        static_cast<unsigned long long>(total_), read_all_ ? "" : "+");
  if (read_all_) {
    n += std::snprintf(line + n, sizeof line - n, ", %.0f/s", rate);
    if (rate > 0 && total_ > done_) {
      const long left = static_cast<long>((total_ - done_) / rate + 0.5);
      n += std::snprintf(line + n, sizeof line - n, ", %ld:%02ld left", left / 60, left % 60);
    }
  }
  if (failed_) {
    n += std::snprintf(line + n, sizeof line - n, ", %llu failed",
                       static_cast<unsigned long long>(failed_));
  }
  if (warnings_) {
    std::snprintf(line + n, sizeof line - n, ", %llu warnings", static_cast<unsigned long long>(warnings_));
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
