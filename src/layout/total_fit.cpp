#include "layout/total_fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "text/breaks.h"

namespace vanban::layout {

namespace {

// The spacing model. Vietnamese is set without hyphenation, one short
// syllable per word: a line has many spaces but the breaks are coarse, so
// spaces get a generous stretch (a space may double at ratio 1) and a
// modest shrink (to two thirds at ratio -1, below which text looks jammed).
constexpr double kStretch = 1.0;
constexpr double kShrink = 1.0 / 3;
constexpr double kRaggedStretch = 0.25;
// The first pass considers no line looser than this (spaces 3.5 times
// their width). Only a paragraph that cannot be set so pays for a second
// pass, which has no limit and may use forbidden breaks.
constexpr double kTolerance = 2.5;
// Badness stops growing here (spaces 11 times their width, or a line with
// slack and no space at all). Without a cap one hopeless line would add
// so much to every total that double arithmetic could no longer tell the
// other lines' choices apart.
constexpr double kMaxRatio = 10;
constexpr double kLineDemerits = 1;
// See consider(): (1 + 2000)^2 is above the demerits of any line within
// kTolerance (about 1563^2).
constexpr double kShortLastLine = 2000;
// Added when a line's fitness class is more than one class away from the
// previous line's: a loose line next to a tight one, the unevenness total
// fit exists to avoid. About what one line with doubled spaces (ratio 1)
// costs, as in TeX; at 3000 a tight line still sat next to a loose one in
// the Chiêm Hóa report at 281 pt.
constexpr double kAdjacentDemerits = 10000;
// A bound on the active breaks. Text needs a few dozen (about two per
// segment that fits on a line: 40 at 13 pt in 450 pt), but segments of no
// width (combining marks and zero width spaces) or an absurd measure never
// make a line overfull, and the list would grow with the paragraph: O(n^2).
// Past twice this the oldest breaks go (in a batch, so trimming costs O(1)
// a break), which only limits how many segments one line may hold.
constexpr std::size_t kMaxActive = 256;
// Slack this small is rounding in the sums of widths, not slack.
constexpr double kEpsilon = 1e-6;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

enum Fitness { kTight, kDecent, kLoose, kVeryLoose, kFitnessClasses };

int fitness_of(double ratio) {
  if (ratio < -0.5) return kTight;
  if (ratio <= 0.5) return kDecent;
  if (ratio <= 1) return kLoose;
  return kVeryLoose;
}

// Compared lexicographically: fewer forbidden breaks always win, so a
// wrong break ("06/ | QĐ-TTg") is taken only where nothing else fits, not
// merely to save a loose line.
struct Cost {
  std::size_t forbidden = 0;
  double demerits = 0;
};

bool operator<(const Cost& a, const Cost& b) {
  if (a.forbidden != b.forbidden) return a.forbidden < b.forbidden;
  return a.demerits < b.demerits;
}

// A break some feasible line reaches, kept to trace the best breaking
// back from the end. Small: a long paragraph has one or two per segment.
struct Break {
  std::size_t position;  // first segment of the line after the break
  std::size_t previous;  // break the line before it starts at; kNone at the start
};

// A break from which lines are still tried, with the cheapest setting of
// the text before it whose last line has this fitness class.
struct Active {
  std::size_t index;  // in breaks_
  std::size_t position;
  Cost total;
  int fitness;
};

// The cheapest line per fitness class ending at one break.
struct Candidate {
  bool valid = false;
  Cost total;
  std::size_t from = kNone;  // index of the break the line starts at
};
using Candidates = std::array<Candidate, kFitnessClasses>;

double adjacent_demerits(int fitness, int next) {
  return std::abs(fitness - next) > 1 ? kAdjacentDemerits : 0;
}

// The most that having ended a line in class `kept` rather than in
// `dropped` can add to the next line's demerits.
double worst_extra(int kept, int dropped) {
  double extra = 0;
  for (int next = 0; next < kFitnessClasses; ++next) {
    extra = std::max(extra, adjacent_demerits(kept, next) - adjacent_demerits(dropped, next));
  }
  return extra;
}

struct Pass {
  double tolerance;
  bool allow_forbidden;
};

class TotalFit {
 public:
  TotalFit(const std::vector<Segment>& segments, const Measure& measure);
  // One pass of the dynamic program. False when no breaking passes its
  // tolerance; a pass with infinite tolerance always succeeds.
  bool run(const Pass& pass, LineEnds* ends);

 private:
  double ratio(std::size_t first, std::size_t last, bool final_line) const;
  void consider(const Active& from, std::size_t last, double ratio, const Pass& pass,
                Candidates* best) const;
  void add_breaks(const Candidates& best, std::size_t position, std::vector<Active>* active);
  LineEnds trace(std::size_t index) const;

  const std::vector<Segment>& segments_;
  Measure measure_;
  // Prefix sums, so any line's widths cost O(1): before_[k] is the width
  // of segments [0, k) with their spaces, spaces_[k] that of the spaces.
  std::vector<double> before_, spaces_;
  std::vector<Break> breaks_;
};

TotalFit::TotalFit(const std::vector<Segment>& segments, const Measure& measure)
    : segments_(segments), measure_(measure) {
  before_.reserve(segments.size() + 1);
  spaces_.reserve(segments.size() + 1);
  before_.push_back(0);
  spaces_.push_back(0);
  for (const Segment& s : segments) {
    before_.push_back(before_.back() + s.width + s.space_width);
    spaces_.push_back(spaces_.back() + s.space_width);
  }
}

// Adjustment ratio of the line of segments [first, last]: how far its
// spaces stretch (> 0) or shrink (< 0) in units of what they may. A final
// line (ending the paragraph or at a mandatory break) is not justified: 0
// when it fits. +infinity for slack without spaces, -infinity when the
// line cannot fit at all.
double TotalFit::ratio(std::size_t first, std::size_t last, bool final_line) const {
  double available = first == 0 ? measure_.first_width : measure_.width;
  double natural = before_[last + 1] - before_[first] - segments_[last].space_width;
  double spaces = spaces_[last] - spaces_[first];
  double slack = available - natural;
  if (std::abs(slack) <= kEpsilon) return 0;
  if (slack > 0) {
    if (final_line) return 0;
    // Ragged lines (centred, flush left or right) are not stretched: how
    // short one is counts against the line's width, as if glue at its ends
    // could take a quarter of it, so a title breaks at a phrase rather than
    // fill its lines.
    if (!measure_.justify) return slack / (available * kRaggedStretch);
    return spaces > 0 ? slack / (spaces * kStretch) : kInfinity;
  }
  double shrink = measure_.justify && !final_line ? spaces * kShrink : 0;
  return shrink > 0 ? slack / shrink : -kInfinity;
}

// Records the line from break `from` to segment `last` among `best` if the
// pass allows it. A segment alone on its line is allowed even when it is
// too wide: every breaking would have it so.
void TotalFit::consider(const Active& from, std::size_t last, double ratio, const Pass& pass,
                        Candidates* best) const {
  bool alone = from.position == last;
  if (ratio > pass.tolerance || (ratio < -1 && !alone)) return;

  const Segment& segment = segments_[last];
  bool forced = segment.mandatory || last + 1 == segments_.size();
  bool forbidden = !forced && segment.penalty >= text::kForbidden;
  double penalty = forced || forbidden ? 0 : segment.penalty;
  // A last line of one syllable ("tiến / độ.") reads as a widow: it costs
  // more than any line within the tolerance, so it stays only where no
  // other breaking exists.
  if (last + 1 == segments_.size() && alone && from.position > 0) penalty += kShortLastLine;
  double r = std::min(std::abs(ratio), kMaxRatio);
  double line = kLineDemerits + 100 * r * r * r + penalty;
  int fitness = fitness_of(ratio);

  Cost total = from.total;
  total.forbidden += forbidden ? 1 : 0;
  total.demerits += line * line + adjacent_demerits(from.fitness, fitness);

  Candidate& c = (*best)[fitness];
  if (!c.valid || total < c.total) c = Candidate{true, total, from.index};
}

// Whether candidate `c` (class `fitness`) can be dropped: another class is
// cheaper by more than the most it could lose to `c` on the next line.
// That keeps most breaks to one class.
bool dominated(const Candidates& best, int fitness) {
  const Candidate& c = best[fitness];
  for (int other = 0; other < kFitnessClasses; ++other) {
    const Candidate& d = best[other];
    if (other == fitness || !d.valid) continue;
    Cost bound = d.total;
    bound.demerits += worst_extra(other, fitness);
    if (bound < c.total) return true;
  }
  return false;
}

void TotalFit::add_breaks(const Candidates& best, std::size_t position,
                          std::vector<Active>* active) {
  for (int fitness = 0; fitness < kFitnessClasses; ++fitness) {
    const Candidate& c = best[fitness];
    if (!c.valid || dominated(best, fitness)) continue;
    breaks_.push_back(Break{position, c.from});
    active->push_back(Active{breaks_.size() - 1, position, c.total, fitness});
  }
}

// The dynamic program. For each segment, every active node (a break from
// which a line can still reach this far without being overfull) tries a
// line ending after it. A node goes inactive once its line cannot fit even
// with all spaces shrunk, so the active list spans about one line of text
// and the pass costs O(segments x segments per line).
bool TotalFit::run(const Pass& pass, LineEnds* ends) {
  breaks_.assign(1, Break{0, kNone});
  std::vector<Active> active{Active{0, 0, Cost{}, kDecent}}, still_active;
  for (std::size_t last = 0; last < segments_.size(); ++last) {
    const Segment& segment = segments_[last];
    bool final_line = segment.mandatory || last + 1 == segments_.size();
    bool may_break = final_line || pass.allow_forbidden || segment.penalty < text::kForbidden;
    Candidates best;
    still_active.clear();
    for (const Active& from : active) {
      double fit = ratio(from.position, last, false);
      if (may_break) {
        consider(from, last, final_line ? ratio(from.position, last, true) : fit, pass, &best);
      }
      // No line runs past a mandatory break; none fits once this one is overfull.
      if (!final_line && fit >= -1) still_active.push_back(from);
    }
    active.swap(still_active);
    add_breaks(best, last + 1, &active);
    if (active.empty()) return false;
    // Oldest first: `active` stays in order of position.
    if (active.size() > 2 * kMaxActive) active.erase(active.begin(), active.end() - kMaxActive);
  }
  // What is left are the breaks at the end of the paragraph.
  const Active* best = &active.front();
  for (const Active& a : active) {
    if (a.total < best->total) best = &a;
  }
  *ends = trace(best->index);
  return true;
}

LineEnds TotalFit::trace(std::size_t index) const {
  LineEnds ends;
  for (; breaks_[index].previous != kNone; index = breaks_[index].previous) {
    ends.push_back(breaks_[index].position - 1);
  }
  std::reverse(ends.begin(), ends.end());
  return ends;
}

}  // namespace

LineEnds total_fit_breaks(const std::vector<Segment>& segments, const Measure& measure) {
  LineEnds ends;
  if (segments.empty()) return ends;
  TotalFit fit(segments, measure);
  if (!fit.run(Pass{kTolerance, false}, &ends)) fit.run(Pass{kInfinity, true}, &ends);
  return ends;
}

}  // namespace vanban::layout
