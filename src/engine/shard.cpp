#include "engine/shard.h"

#include <cstdlib>

namespace vanban::engine {

namespace {

bool parse_count(const std::string& text, std::uint32_t* value) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  *value = static_cast<std::uint32_t>(std::strtoul(text.c_str(), nullptr, 10));
  return true;
}

}  // namespace

std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

bool Shard::contains(std::string_view session_id) const {
  return stable_hash(session_id) % count == index;
}

bool parse_shard(const std::string& spec, Environment& env, Shard* shard, Message* error) {
  std::size_t slash = spec.find('/');
  std::string index_text, count_text = spec;
  if (slash != std::string::npos) {
    index_text = spec.substr(0, slash);
    count_text = spec.substr(slash + 1);
  } else if (auto k8s = env.variable("JOB_COMPLETION_INDEX")) {
    index_text = *k8s;
  } else if (auto slurm = env.variable("SLURM_ARRAY_TASK_ID")) {
    index_text = *slurm;
  } else {
    *error = msg("--shard {1} names no shard: write I/N, or set JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID", spec);
    return false;
  }
  if (!parse_count(count_text, &shard->count) || shard->count == 0) {
    *error = msg("--shard: '{1}' is not a shard count", count_text);
    return false;
  }
  if (!parse_count(index_text, &shard->index) || shard->index >= shard->count) {
    *error = msg("--shard: shard '{1}' is not between 0 and {2}", index_text, shard->count - 1);
    return false;
  }
  return true;
}

}  // namespace vanban::engine
