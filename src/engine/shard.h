// Splitting one job over many machines: each session belongs to exactly one
// of N shards, by a hash of its id that never changes between runs,
// machines or vanban versions.
#ifndef VANBAN_ENGINE_SHARD_H_
#define VANBAN_ENGINE_SHARD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/environment.h"

namespace vanban::engine {

struct Shard {
  std::uint32_t index = 0;  // 0-based
  std::uint32_t count = 1;

  bool contains(std::string_view session_id) const;
};

// 64-bit FNV-1a: simple, stable, and well spread for short ids.
std::uint64_t stable_hash(std::string_view text);

// Parses "--shard I/N" (I 0-based) or "--shard N", taking I from
// JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID.
bool parse_shard(const std::string& spec, Environment& env, Shard* shard, Message* error);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_SHARD_H_
