#include "formats/pdf/cid_widths.h"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

namespace vanban::pdf {

namespace {

// Bytes libharu spends on a number in an array: its digits and a space.
int cost_of(long number) {
  int digits = 1;
  for (long n = number < 0 ? -number : number; n >= 10; n /= 10) ++digits;
  return digits + (number < 0 ? 1 : 0) + 1;
}

// An explicit array longer than this is as well split in two (a few bytes
// more); the bound keeps the search linear in the number of glyphs.
constexpr std::size_t kLongestArray = 64;

int commonest_width(const std::vector<int>& widths) {
  std::map<int, int> count;
  for (int w : widths) {
    if (w != kNeverShown) ++count[w];
  }
  int best = 1000, best_count = 0;
  for (const auto& [width, n] : count) {
    if (n > best_count) best = width, best_count = n;
  }
  return best;
}

}  // namespace

CidWidths encode_cid_widths(const std::vector<int>& widths) {
  CidWidths out;
  out.default_width = commonest_width(widths);
  const std::size_t n = widths.size();
  const auto is_default = [&](std::size_t i) {
    return widths[i] == kNeverShown || widths[i] == out.default_width;
  };
  // Cheapest encoding of CIDs i.. to the end, found from the end: each CID
  // is left to /DW, or begins a run of one width, or an explicit array.
  enum class Step { kSkip, kRun, kArray };
  struct Choice {
    long cost = 0;
    Step step = Step::kSkip;
    std::size_t end = 0;  // one past the run or array
  };
  std::vector<Choice> best(n + 1);
  for (std::size_t i = n; i-- > 0;) {
    Choice choice{std::numeric_limits<long>::max(), Step::kSkip, i + 1};
    if (is_default(i)) choice = {best[i + 1].cost, Step::kSkip, i + 1};
    const long cid = static_cast<long>(i) + 1;
    // A run: every CID up to j has the run's width or is never shown.
    int run_width = kNeverShown;
    for (std::size_t j = i; j < n; ++j) {
      if (widths[j] != kNeverShown) {
        if (run_width == kNeverShown) run_width = widths[j];
        if (widths[j] != run_width) break;
      }
      const long cost = cost_of(cid) + cost_of(static_cast<long>(j) + 1) +
                        cost_of(run_width == kNeverShown ? 0 : run_width) + best[j + 1].cost;
      if (cost < choice.cost) choice = {cost, Step::kRun, j + 1};
    }
    // An array: "cid [ w ... ] " (a never-shown CID inside is written 0).
    long cost = cost_of(cid) + 4;
    for (std::size_t j = i; j < n && j - i < kLongestArray; ++j) {
      cost += cost_of(widths[j] == kNeverShown ? 0 : widths[j]);
      if (cost + best[j + 1].cost < choice.cost) choice = {cost + best[j + 1].cost, Step::kArray, j + 1};
    }
    best[i] = choice;
  }
  for (std::size_t i = 0; i < n;) {
    const Choice& c = best[i];
    if (c.step != Step::kSkip) {
      WidthSegment segment{static_cast<int>(i) + 1, static_cast<int>(c.end), {}};
      if (c.step == Step::kRun) {
        int width = 0;  // the run's, or 0 if no CID of it is shown
        for (std::size_t j = i; j < c.end; ++j) width = std::max(width, widths[j]);
        segment.widths.push_back(width);
      } else {
        for (std::size_t j = i; j < c.end; ++j) segment.widths.push_back(std::max(widths[j], 0));
      }
      out.segments.push_back(std::move(segment));
    }
    i = c.end;
  }
  return out;
}

}  // namespace vanban::pdf
