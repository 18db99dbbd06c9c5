#include "cli/progress.h"

#include <cstdio>

namespace vanban::cli {

Progress::Progress(std::ostream& out, bool enabled, Environment& env, const Translator& translator)
    : out_(out), enabled_(enabled), env_(env), tr_(translator), started_us_(env.monotonic_microseconds()) {}

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
  // "+" while the total still grows: more sessions are being read.
  std::string line = "\r\x1b[K" + tr_.translate(msg("{1}/{2}{3} documents", done_, total_, read_all_ ? "" : "+"));
  if (read_all_) {
    char per_second[32];
    std::snprintf(per_second, sizeof per_second, "%.0f", rate);
    line += tr_.translate(msg(", {1}/s", per_second));
    if (rate > 0 && total_ > done_) {
      const long left = static_cast<long>((total_ - done_) / rate + 0.5);
      char clock[32];
      std::snprintf(clock, sizeof clock, "%ld:%02ld", left / 60, left % 60);
      line += tr_.translate(msg(", {1} left", clock));
    }
  }
  if (failed_) line += tr_.translate(msg(", {1} failed", failed_));
  if (warnings_) line += tr_.translate(msg(", {1} warnings", warnings_));
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
