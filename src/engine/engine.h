// The engine every front end calls (the vanban command, the coming web
// server): resources loaded once per process, then
//
//   engine.render(session, kind, format) -> bytes + diagnostics
//
// from any number of threads. Bulk runs (queue, manifest, shards,
// --skip-existing) are in batch.h, beside it.
#ifndef VANBAN_ENGINE_ENGINE_H_
#define VANBAN_ENGINE_ENGINE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "documents/kind.h"
#include "engine/images.h"
#include "engine/photos.h"
#include "engine/renderer.h"
#include "engine/resources.h"
#include "formats/format.h"
#include "input/session.h"

namespace vanban::engine {

class Engine {
 public:
  // Loads fonts and templates. Returns null (with diagnostics) when they
  // cannot be used.
  static std::unique_ptr<Engine> load(Environment& env, const EngineConfig& config,
                                       Diagnostics* diagnostics);
  ~Engine();

  const Resources& resources() const { return *resources_; }

  // Whether this engine's templates folder has the kind's template.
  bool has_template(const documents::DocumentKind& kind) const {
    return resources_->has_template(kind.name);
  }

  // The output format called `name` ("pdf"); null when there is none.
  const formats::Format* format(std::string_view name) const;
  const std::vector<std::unique_ptr<formats::Format>>& formats() const { return formats_; }

  // A Renderer held by one thread for as long as it likes (a bulk worker
  // keeps one, so a session's documents share its context); it goes back
  // to the engine's pool when the lease ends.
  class Lease {
   public:
    Lease(const Engine& engine, std::unique_ptr<Renderer> renderer)
        : engine_(&engine), renderer_(std::move(renderer)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Renderer* operator->() const { return renderer_.get(); }
    Renderer& operator*() const { return *renderer_; }

   private:
    const Engine* engine_;
    std::unique_ptr<Renderer> renderer_;
  };
  Lease lease() const;

  // One document. Thread-safe. The kind's template must exist.
  // `with_metadata`: also its e-office metadata, in out->metadata
  // (engine/metadata.h; empty for the news article).
  bool render(const input::Session& session, const documents::DocumentKind& kind,
              const formats::Format& format, RenderedDocument* out, Diagnostics* diagnostics,
              bool with_metadata = false) const {
    return lease()->render(session, kind, format, out, diagnostics, with_metadata);
  }

 private:
  Engine() = default;
  std::unique_ptr<Resources> resources_;
  std::vector<std::unique_ptr<formats::Format>> formats_;
  std::unique_ptr<TemplateImages> template_images_;
  std::unique_ptr<PhotoCache> photos_;
  std::optional<std::int64_t> source_date_epoch_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Renderer>> idle_;
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_ENGINE_H_
