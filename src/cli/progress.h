// One status line on a terminal, redrawn in place: documents done of the
// total, rate, time left, failures. The total grows as sessions are read
// (no second pass over the input to count them); rate and time left appear
// once the reading is done and the total is known. Silent when stderr is
// not a terminal, so logs stay clean.
#ifndef VANBAN_CLI_PROGRESS_H_
#define VANBAN_CLI_PROGRESS_H_

#include <cstdint>
#include <mutex>
#include <ostream>

#include "base/environment.h"

namespace vanban::cli {

class Progress {
 public:
  Progress(std::ostream& out, bool enabled, Environment& env);
  ~Progress();

  void add_to_total(std::uint64_t documents);
  void reading_done();
  void document_done(bool failed);
  void session_rejected();  // a failure, though not a document
  void warned(std::uint64_t warnings);
  // Clears the line before other output is printed, and redraws after.
  template <typename Print>
  void print_between(Print print) {
    std::lock_guard<std::mutex> lock(mutex_);
    clear();
    print();
    draw();
  }
  void finish();

 private:
  void draw();
  void clear();

  std::ostream& out_;
  bool enabled_;
  Environment& env_;
  std::mutex mutex_;
  std::uint64_t total_ = 0, done_ = 0, failed_ = 0, warnings_ = 0;
  std::int64_t started_us_ = 0, last_draw_us_ = 0;
  bool drawn_ = false;
  bool read_all_ = false;
};

}  // namespace vanban::cli

#endif  // VANBAN_CLI_PROGRESS_H_
