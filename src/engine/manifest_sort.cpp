#include "engine/manifest_sort.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <queue>
#include <tuple>
#include <utility>

namespace vanban::engine {

namespace {

struct Key {
  std::string input;
  int line = 0;
  std::string document;
  bool operator<(const Key& o) const {
    return std::tie(input, line, document) < std::tie(o.input, o.line, o.document);
  }
};

Key key_of(const ManifestEntry& e) { return Key{e.input, e.line, e.document}; }

// A journal line's key; a line that does not parse (a journal cut short by
// a full disk) sorts first and is written as it is.
Key key_of(const std::string& line) {
  ManifestEntry e;
  return from_json(line, &e) ? key_of(e) : Key{};
}

// Lines of a file, read a block at a time.
class LineReader {
 public:
  LineReader(Environment& env, const std::string& path, std::string* why)
      : reader_(env.open_reader(path, why)), why_(why) {}
  bool opened() const { return reader_ != nullptr; }
  bool failed() const { return failed_; }

  // The next line with its '\n' (the last may lack one); false at the end
  // or on a failure (then failed()).
  bool next(std::string* line) {
    line->clear();
    for (;;) {
      const std::size_t newline = buffer_.find('\n', at_);
      if (newline != std::string::npos) {
        line->append(buffer_, at_, newline + 1 - at_);
        at_ = newline + 1;
        return true;
      }
      line->append(buffer_, at_, std::string::npos);
      buffer_.resize(kBlock);
      at_ = 0;
      const long n = reader_->read(buffer_.data(), buffer_.size(), why_);
      if (n <= 0) {
        buffer_.clear();
        failed_ = n < 0;
        return !failed_ && !line->empty();
      }
      buffer_.resize(static_cast<std::size_t>(n));
    }
  }

 private:
  static constexpr std::size_t kBlock = 16 * 1024;
  std::unique_ptr<ByteReader> reader_;
  std::string* why_;
  std::string buffer_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

// Output appended 256 KB at a time.
class BlockWriter {
 public:
  BlockWriter(Environment& env, std::string path) : env_(env), path_(std::move(path)) {}
  bool add(std::string_view line, std::string* why) {
    block_ += line;
    return block_.size() < kBlock || flush(why);
  }
  bool flush(std::string* why) {
    if (block_.empty()) return true;
    const bool ok = env_.append_file(path_, block_, why);
    block_.clear();
    return ok;
  }

 private:
  static constexpr std::size_t kBlock = 256 << 10;
  Environment& env_;
  std::string path_;
  std::string block_;
};

// Run files are named as sweep_temporary_files expects a temporary file of
// a killed run to be (".<name>.XXXXXX.tmp"), so a kill leaves none for long.
std::string run_path(const std::string& out_path, std::size_t index) {
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, ".r%05zu.tmp", index);
  return out_path + suffix;
}

struct Line {
  Key key;
  std::string text;
};

// One source of the merge, sorted: a run file, or the entries in memory.
class Source {
 public:
  Source(Environment& env, const std::string& path, std::string* why)
      : file_(std::make_unique<LineReader>(env, path, why)) {}
  explicit Source(std::vector<Line> lines) : memory_(std::move(lines)) {}

  bool opened() const { return file_ == nullptr || file_->opened(); }
  bool failed() const { return file_ != nullptr && file_->failed(); }
  // Moves to the next line; false at the end.
  bool advance() {
    if (file_ == nullptr) {
      if (next_ == memory_.size()) return false;
      current_ = std::move(memory_[next_++]);
      return true;
    }
    if (!file_->next(&current_.text)) return false;
    current_.key = key_of(current_.text);
    return true;
  }
  const Line& current() const { return current_; }

 private:
  std::unique_ptr<LineReader> file_;
  std::vector<Line> memory_;
  std::size_t next_ = 0;
  Line current_;
};

bool merge(std::vector<Source>& sources, BlockWriter& out, std::string* why) {
  // Least key first; on a tie the earlier source, as a stable sort would.
  using Head = std::pair<const Key*, std::size_t>;
  const auto later = [](const Head& a, const Head& b) {
    if (*a.first < *b.first) return false;
    if (*b.first < *a.first) return true;
    return a.second > b.second;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].advance()) heads.push({&sources[i].current().key, i});
    if (sources[i].failed()) return false;
  }
  while (!heads.empty()) {
    const std::size_t i = heads.top().second;
    heads.pop();
    if (!out.add(sources[i].current().text, why)) return false;
    if (sources[i].advance()) heads.push({&sources[i].current().key, i});
    if (sources[i].failed()) return false;
  }
  return out.flush(why);
}

// Sorts the journal's lines a run at a time: the last (or only) run stays
// in `last`, the others go to files, their paths appended to `runs`.
bool sort_into_runs(Environment& env, const ManifestSort& sort, std::vector<Line>* last,
                    std::vector<std::string>* runs, std::string* why) {
  last->clear();
  if (sort.journal_path.empty()) return true;
  LineReader journal(env, sort.journal_path, why);
  if (!journal.opened()) return false;
  std::vector<Line> lines;
  std::size_t bytes = 0;
  std::uint64_t read = 0;
  std::string text;
  bool more = true;
  while (more) {
    // What an append that failed may have left after the sound lines is
    // not read.
    more = read < sort.journal_bytes && journal.next(&text);
    if (journal.failed()) return false;
    read += text.size();
    if (more) {
      if (text.back() != '\n') text += '\n';
      bytes += text.size();
      lines.push_back(Line{key_of(text), std::move(text)});
    }
    if (bytes < sort.run_bytes && more) continue;
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.key < b.key; });
    if (!more) {
      *last = std::move(lines);
      return true;
    }
    runs->push_back(run_path(sort.out_path, runs->size()));
    BlockWriter run(env, runs->back());
    for (const Line& line : lines) {
      if (!run.add(line.text, why)) return false;
    }
    if (!run.flush(why)) return false;
    lines.clear();
    bytes = 0;
  }
  return true;
}

// Merges `paths`, then `memory` (on ties in that order), into `out_path`.
bool merge_into(Environment& env, const std::vector<std::string>& paths,
                std::vector<std::vector<Line>> memory, const std::string& out_path, std::string* why) {
  std::vector<Source> sources;
  sources.reserve(paths.size() + memory.size());
  for (const std::string& path : paths) sources.emplace_back(env, path, why);
  for (std::vector<Line>& lines : memory) sources.emplace_back(std::move(lines));
  for (const Source& source : sources) {
    if (!source.opened()) return false;
  }
  BlockWriter out(env, out_path);
  return merge(sources, out, why);
}

}  // namespace

bool write_sorted_manifest(Environment& env, const ManifestSort& sort, std::string* why) {
  constexpr std::size_t kFanIn = 64;  // files open at once while merging
  std::vector<Line> last_run;
  std::vector<std::string> runs;
  std::size_t made = 0;  // run files named so far (merged ones count too)
  bool ok = sort_into_runs(env, sort, &last_run, &runs, why);
  made = runs.size();
  // Merging the oldest runs first keeps ties in journal order.
  while (ok && runs.size() > kFanIn) {
    const std::vector<std::string> group(runs.begin(), runs.begin() + kFanIn);
    const std::string merged = run_path(sort.out_path, made++);
    ok = merge_into(env, group, {}, merged, why);
    for (const std::string& path : group) env.remove_file(path);
    runs.erase(runs.begin(), runs.begin() + kFanIn);
    runs.insert(runs.begin(), merged);
  }
  if (ok) {
    std::vector<Line> extra;
    for (const ManifestEntry* e : sort.extra) extra.push_back(Line{key_of(*e), to_json(*e) + '\n'});
    std::stable_sort(extra.begin(), extra.end(),
                     [](const Line& a, const Line& b) { return a.key < b.key; });
    std::vector<std::vector<Line>> memory;
    memory.push_back(std::move(last_run));
    memory.push_back(std::move(extra));
    ok = merge_into(env, runs, std::move(memory), sort.out_path, why);
  }
  for (const std::string& path : runs) env.remove_file(path);
  return ok;
}

}  // namespace vanban::engine
