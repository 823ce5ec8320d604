// The cluster and maintenance results on Printer: one dispatch per result over the
// format's name, the simple and table renderings here, json and fields in their own
// files. The format classes live in their files' anonymous namespaces, so the base class
// carries these renderings; refusals stay in each format's Supports().
#include <ostream>

#include "common/bytes.h"
#include "output/cluster_formats.h"
#include "output/printer.h"
#include "output/rows.h"

namespace ectl::output {
namespace {

enum class Format { kSimple, kJson, kFields, kTable, kProtobuf };

Format FormatOf(const std::string& name) {
  if (name == "json") return Format::kJson;
  if (name == "fields") return Format::kFields;
  if (name == "table") return Format::kTable;
  if (name == "protobuf") return Format::kProtobuf;
  return Format::kSimple;
}

}  // namespace

namespace cluster {

std::string AlarmName(int alarm) {
  switch (alarm) {
    case etcdserverpb::NONE: return "NONE";
    case etcdserverpb::NOSPACE: return "NOSPACE";
    case etcdserverpb::CORRUPT: return "CORRUPT";
  }
  return std::to_string(alarm);
}

std::string AlarmText(const etcdserverpb::AlarmMember& a) {
  std::string out;
  if (a.memberid() != 0) out += "memberID:" + std::to_string(a.memberid()) + " ";
  if (a.alarm() != 0) out += "alarm:" + AlarmName(a.alarm()) + " ";
  return out;
}

}  // namespace cluster

void Printer::MemberList(const MemberListResult& r) {
  Require(Result::kMemberList);
  switch (FormatOf(name())) {
    case Format::kSimple: Write(RenderSimpleRows(MemberListRows(r.response))); break;
    case Format::kTable: Write(RenderTable(MemberListRows(r.response))); break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kFields: cluster::Fields(buffer(), r); break;
    case Format::kProtobuf: Flush(); r.response.AppendToString(&buffer()); break;
  }
  Flush();
}

// The results below have no protobuf form (refused by Require).
void Printer::EndpointStatus(const EndpointStatusResult& r) {
  Require(Result::kEndpointStatus);
  switch (FormatOf(name())) {
    case Format::kSimple: Write(RenderSimpleRows(EndpointStatusRows(r.list))); break;
    case Format::kTable: Write(RenderTable(EndpointStatusRows(r.list))); break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kFields: cluster::Fields(buffer(), r); break;
    case Format::kProtobuf: Unsupported();
  }
  Flush();
}

void Printer::EndpointHashKV(const EndpointHashKVResult& r) {
  Require(Result::kEndpointHashKV);
  switch (FormatOf(name())) {
    case Format::kSimple: Write(RenderSimpleRows(EndpointHashKVRows(r.list))); break;
    case Format::kTable: Write(RenderTable(EndpointHashKVRows(r.list))); break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kFields: cluster::Fields(buffer(), r); break;
    case Format::kProtobuf: Unsupported();
  }
  Flush();
}

void Printer::SnapshotStatus(const SnapshotStatusResult& r) {
  Require(Result::kSnapshotStatus);
  switch (FormatOf(name())) {
    case Format::kSimple: Write(RenderSimpleRows(SnapshotStatusRows(r))); break;
    case Format::kTable: Write(RenderTable(SnapshotStatusRows(r))); break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kFields: cluster::Fields(buffer(), r); break;
    case Format::kProtobuf: Unsupported();
  }
  Flush();
}

void Printer::EndpointHealth(const EndpointHealthResult& r) {
  Require(Result::kEndpointHealth);
  switch (FormatOf(name())) {
    case Format::kSimple:
      // Healthy endpoints go to stdout as etcdctl 3.5 prints them (3.4 used stderr),
      // unhealthy ones to stderr.
      for (const auto& h : r.list) {
        if (h.error.empty()) {
          Write(h.endpoint + " is healthy: successfully committed proposal: took = " + h.took +
                "\n");
        } else {
          Flush();
          r.err << h.endpoint << " is unhealthy: failed to commit proposal: " << h.error << "\n";
        }
      }
      break;
    case Format::kTable: Write(RenderTable(EndpointHealthRows(r.list))); break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kFields: cluster::Fields(buffer(), r); break;
    case Format::kProtobuf: Unsupported();
  }
  Flush();
}

void Printer::MemberAdd(const MemberAddResult& r) {
  Require(Result::kMemberAdd);
  switch (FormatOf(name())) {
    case Format::kSimple: {
      const auto& resp = r.response;
      std::string out = "Member " + PaddedHex(resp.member().id()) + " added to cluster " +
                        PaddedHex(resp.header().cluster_id()) + "\n";
      // The lines to start the new member with; every member's peer URLs, the new one
      // under the name given (the others under the name they have, maybe empty).
      std::string conf;
      for (const auto& m : resp.members()) {
        const std::string& n = m.id() == resp.member().id() ? r.name : m.name();
        for (const auto& u : m.peerurls()) conf += (conf.empty() ? "" : ",") + n + "=" + u;
      }
      out += "\nETCD_NAME=" + GoQuote(r.name) + "\n";
      out += "ETCD_INITIAL_CLUSTER=" + GoQuote(conf) + "\n";
      out += "ETCD_INITIAL_ADVERTISE_PEER_URLS=" + GoQuote(r.peer_urls) + "\n";
      out += "ETCD_INITIAL_CLUSTER_STATE=\"existing\"\n";
      Write(out);
      break;
    }
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kProtobuf: Flush(); r.response.AppendToString(&buffer()); break;
    default: Unsupported();
  }
  Flush();
}

void Printer::MemberChange(const MemberChangeResult& r) {
  Require(Result::kMemberChange);
  switch (FormatOf(name())) {
    case Format::kSimple:
      Write("Member " + PaddedHex(r.id) + " " + std::string(r.verb) + " cluster " +
            PaddedHex(r.header.cluster_id()) + "\n");
      break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kProtobuf: Flush(); r.message.AppendToString(&buffer()); break;
    default: Unsupported();
  }
  Flush();
}

void Printer::Alarm(const AlarmResult& r) {
  Require(Result::kAlarm);
  switch (FormatOf(name())) {
    case Format::kSimple:
      for (const auto& a : r.response.alarms()) Write(cluster::AlarmText(a) + "\n");
      break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kFields: cluster::Fields(buffer(), r); break;
    case Format::kProtobuf: Flush(); r.response.AppendToString(&buffer()); break;
    default: Unsupported();
  }
  Flush();
}

void Printer::MoveLeader(const MoveLeaderResult& r) {
  Require(Result::kMoveLeader);
  switch (FormatOf(name())) {
    case Format::kSimple:
      Write("Leadership transferred from " + Hex(r.from) + " to " + Hex(r.to) + "\n");
      break;
    case Format::kJson: cluster::Json(buffer(), r); Write("\n"); break;
    case Format::kProtobuf: Flush(); r.response.AppendToString(&buffer()); break;
    default: Unsupported();
  }
  Flush();
}

}  // namespace ectl::output
