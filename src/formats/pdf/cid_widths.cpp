#include "formats/pdf/cid_widths.h"

#include <algorithm>
#include <limits>
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

int commonest_width(std::vector<int> widths) {
  std::sort(widths.begin(), widths.end());
  int best = 1000;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < widths.size();) {
    std::size_t j = i;
    while (j < widths.size() && widths[j] == widths[i]) ++j;
    if (widths[i] != kNeverShown && j - i > best_count) best = widths[i], best_count = j - i;
    i = j;
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
  // The bytes of each CID's width in an array (a never-shown one is 0).
  std::vector<int> width_cost(n);
  for (std::size_t i = 0; i < n; ++i) width_cost[i] = cost_of(std::max(widths[i], 0));
  for (std::size_t i = n; i-- > 0;) {
    // Nothing gains by starting at a CID /DW serves: the run or array may
    // as well start at the next CID that needs it. (Inside one, such a CID
    // may still be cheaper to write than to break the array for.)
    if (is_default(i)) {
      best[i] = {best[i + 1].cost, Step::kSkip, i + 1};
      continue;
    }
    Choice choice{std::numeric_limits<long>::max(), Step::kSkip, i + 1};
    const long cid_cost = cost_of(static_cast<long>(i) + 1);
    // A run: every CID up to j has the width of CID i or is never shown.
    for (std::size_t j = i; j < n && (widths[j] == widths[i] || widths[j] == kNeverShown); ++j) {
      const long cost = cid_cost + cost_of(static_cast<long>(j) + 1) + width_cost[i] + best[j + 1].cost;
      if (cost < choice.cost) choice = {cost, Step::kRun, j + 1};
    }
    // An array: "cid [ w ... ] ".
    long cost = cid_cost + 4;
    for (std::size_t j = i; j < n && j - i < kLongestArray; ++j) {
      cost += width_cost[j];
      if (cost + best[j + 1].cost < choice.cost) choice = {cost + best[j + 1].cost, Step::kArray, j + 1};
    }
    best[i] = choice;
  }
  for (std::size_t i = 0; i < n;) {
    const Choice& c = best[i];
    if (c.step != Step::kSkip) {
      WidthSegment segment{static_cast<int>(i) + 1, static_cast<int>(c.end), {}};
      if (c.step == Step::kRun) {
        segment.widths.push_back(widths[i]);
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
