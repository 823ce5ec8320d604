// json of a watch response: clientv3.WatchResponse as Go marshals it, capitalised wrapper
// keys that are always present, the events in the generated shape (omitempty).
#include <string>

#include "etcdserverpb/rpc.pb.h"
#include "output/json_printer.h"
#include "output/watch_result.h"

namespace ectl::output {

void JsonPrinter::Watch(const WatchResult& r) {
  const auto& w = r.response;
  {
    JsonObject o(buffer());
    o.Key("Header"), AppendHeader(buffer(), w.header());
    o.Key("Events");
    if (r.events_null) {
      buffer() += "null";
    } else {
      JsonArray events(buffer());
      for (const auto& e : w.events()) {
        JsonObject event(events.Next());
        event.Int("type", e.type());
        if (e.has_kv()) event.Key("kv"), AppendKeyValue(buffer(), e.kv());
        if (e.has_prev_kv()) event.Key("prev_kv"), AppendKeyValue(buffer(), e.prev_kv());
      }
    }
    o.Key("CompactRevision"), buffer() += std::to_string(w.compact_revision());
    o.Key("Canceled"), buffer() += w.canceled() ? "true" : "false";
    o.Key("Created"), buffer() += w.created() ? "true" : "false";
  }
  Line();
}

}  // namespace ectl::output
