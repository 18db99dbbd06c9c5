#include "engine/engine.h"

#include <cstdlib>

#include "engine/format_registry.h"

namespace vanban::engine {

namespace {

// SOURCE_DATE_EPOCH (reproducible builds): a whole number of seconds.
std::optional<std::int64_t> source_date_epoch(Environment& env) {
  auto epoch = env.variable("SOURCE_DATE_EPOCH");
  if (!epoch || epoch->empty()) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(epoch->c_str(), &end, 10);
  if (*end != '\0' || value < 0) return std::nullopt;
  return value;
}

}  // namespace

std::unique_ptr<Engine> Engine::load(Environment& env, const EngineConfig& config,
                                     Diagnostics* diagnostics) {
  std::unique_ptr<Resources> resources = Resources::load(env, config, diagnostics);
  if (!resources) return nullptr;
  std::unique_ptr<Engine> engine(new Engine());
  engine->resources_ = std::move(resources);
  engine->formats_ = make_all_formats();
  engine->template_images_ = std::make_unique<TemplateImages>(env);
  engine->photos_ = std::make_unique<PhotoCache>(config.photo_ppi);
  engine->source_date_epoch_ = source_date_epoch(env);
  return engine;
}

Engine::~Engine() = default;

const formats::Format* Engine::format(std::string_view name) const {
  for (const auto& format : formats_) {
    if (format->name() == name) return format.get();
  }
  return nullptr;
}

Engine::Lease Engine::lease() const {
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Renderer> renderer = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(renderer));
    }
  }
  return Lease(*this, std::make_unique<Renderer>(*resources_, *template_images_, *photos_, source_date_epoch_));
}

Engine::Lease::~Lease() {
  if (!renderer_) return;  // moved from
  std::lock_guard<std::mutex> lock(engine_->pool_mutex_);
  engine_->idle_.push_back(std::move(renderer_));
}

}  // namespace vanban::engine
