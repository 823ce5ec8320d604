// WatchResult: what the printers get for one watch response.
#ifndef ECTL_OUTPUT_WATCH_RESULT_H_
#define ECTL_OUTPUT_WATCH_RESULT_H_

namespace etcdserverpb {
class WatchResponse;
}

namespace ectl::output {

struct WatchResult {
  // The response as etcdctl's client hands it out: header, events, compact_revision,
  // canceled, created (watch_id, fragment and cancel_reason are not shown).
  const etcdserverpb::WatchResponse& response;
  // The response that ends a watch on a client-side error carries no event list at
  // all, which etcdctl's JSON shows as "Events":null rather than [].
  bool events_null = false;
};

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_WATCH_RESULT_H_
