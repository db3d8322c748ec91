"""Interop check: an independent gRPC implementation (Python grpcio, stubs generated from protos/)
talks to the TM server. Run by PythonInteropTests with the generated modules on PYTHONPATH.

Usage: interop_client.py HOST:PORT
Exits 0 when every check passes; prints one line per check.
"""
import importlib.util
import os
import sys
import time

import grpc

from tm.v1 import translation_memory_pb2 as tm
from tm.v1 import translation_memory_pb2_grpc as tm_grpc

DOCUMENT = (
    "1950년 6월 25일 북한군이 38선을 넘어 남침하였다. 유엔 안전보장이사회는 즉시 북한의 침략을 규탄하였다.\n"
    "On 25 June 1950 the North Korean army crossed the 38th parallel and invaded the South. "
    "The UN Security Council immediately condemned the North Korean aggression.\n"
)

checks = 0


def load_health_pb2():
    # The generated package grpc/health/v1 is shadowed by the installed grpc package, so the
    # message module is loaded from its file (it imports only google.protobuf).
    for root in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        path = os.path.join(root, "grpc", "health", "v1", "health_pb2.py")
        if os.path.exists(path):
            spec = importlib.util.spec_from_file_location("health_pb2", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise RuntimeError("generated health_pb2.py not found on PYTHONPATH")


def check(name, condition, detail=""):
    global checks
    if not condition:
        print(f"FAILED: {name} {detail}")
        sys.exit(1)
    checks += 1
    print(f"ok: {name}")


def expect_status(name, code, call):
    try:
        call()
    except grpc.RpcError as error:
        check(name, error.code() == code, f"got {error.code()}: {error.details()}")
        return error
    check(name, False, "no error raised")


def main(address):
    channel = grpc.insecure_channel(address)
    stub = tm_grpc.TranslationMemoryStub(channel)

    imported = stub.ImportDocument(tm.ImportDocumentRequest(memory="python", name="1950.txt", text=DOCUMENT))
    check("ImportDocument stores the pairs", imported.pairs_stored == 2, str(imported))

    lookup = stub.Lookup(tm.LookupRequest(
        text="1951년 6월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, "
             "마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.",
        source_lang="ko", max_results=3))
    best = lookup.matches[0]
    check("Lookup ko finds the seed with 5월", best.source.startswith("1951년 5월 말") and 90 < best.score < 100, str(best))

    english = stub.Lookup(tm.LookupRequest(
        text="In May 1953, no one in the Soviet leadership doubted any longer that the time had come for a settlement in Korea.",
        source_lang="en"))
    check("Lookup en returns the Korean translation", english.matches[0].target.startswith("1953년 5월에 이르면"))

    mine = stub.Lookup(tm.LookupRequest(memory="python", text="유엔 안전보장이사회는 즉시 북한의 침략을 규탄하였다."))
    check("Lookup finds the imported pair at 100", mine.matches[0].score == 100, str(mine))

    concordance = stub.Concordance(tm.ConcordanceRequest(term="armistice", lang="en"))
    check("Concordance finds the term", concordance.total >= 1 and all("armistice" in h.en.lower() for h in concordance.hits))

    def pairs():
        yield tm.ImportSegmentsRequest(memory="python-stream", ko="정전 협정", en="the armistice agreement")
        yield tm.ImportSegmentsRequest(ko="포로 교환", en="the exchange of prisoners")
        yield tm.ImportSegmentsRequest(ko="군사분계선", en="the military demarcation line")

    streamed = stub.ImportSegments(pairs())
    check("ImportSegments (client streaming) stores every pair", streamed.pairs_stored == 3, str(streamed))
    again = stub.ImportSegments(pairs())
    check("ImportSegments again adds nothing", again.pairs_stored == 0 and again.pairs_skipped_duplicate == 3, str(again))

    compressed = stub.Lookup(tm.LookupRequest(memory="python-stream", text="포로 교환"), compression=grpc.Compression.Gzip)
    check("gzip-compressed request", compressed.matches[0].target == "the exchange of prisoners")

    # A termbase entry makes Concordance mark the term's translation in the other side (UTF-16 offsets; ASCII here).
    stub.AddTerm(tm.AddTermRequest(memory="python-stream", entry=tm.TermEntry(ko="포로", en="prisoner")))
    prisoners = stub.Concordance(tm.ConcordanceRequest(memory="python-stream", term="포로", lang="ko"))
    marked = [h.en[s.start:s.start + s.length] for h in prisoners.hits for s in h.translation_spans]
    check("Concordance marks the translation the termbase gives", marked == ["prisoners"], str(prisoners))

    # A reviewer's round: a memory with fields, a pair added with values, found by a filtered Lookup, corrected.
    stub.CreateMemory(tm.CreateMemoryRequest(name="python-fields", settings=tm.MemorySettings(fields=[
        tm.FieldDefinition(name="journal", type=tm.FIELD_TYPE_TEXT),
        tm.FieldDefinition(name="domain", type=tm.FIELD_TYPE_PICKLIST, choices=["war", "armistice"])])))
    added = stub.AddSegment(tm.AddSegmentRequest(memory="python-fields", ko="휴전 회담은 개성에서 시작되었다.",
                                                 en="The armistice talks began at Kaesong.",
                                                 fields=[tm.FieldValue(name="Domain", value="ARMISTICE")]))
    check("AddSegment keeps the field in its one form", [(f.name, f.value) for f in added.fields] == [("domain", "armistice")], str(added))
    filtered = stub.Lookup(tm.LookupRequest(memory="python-fields", text="휴전 회담은 개성에서 시작되었다.",
                                            fields=[tm.FieldValue(name="domain", value="war")]))
    check("a Lookup filtered on another value finds nothing", len(filtered.matches) == 0, str(filtered))
    edited = stub.UpdateSegment(tm.UpdateSegmentRequest(memory="python-fields", segment_id=added.segment_id, version=added.version,
                                                        en="The armistice talks opened at Kaesong.", replace_fields=True,
                                                        fields=[tm.FieldValue(name="domain", value="war")]))
    refound = stub.Lookup(tm.LookupRequest(memory="python-fields", text="휴전 회담은 개성에서 시작되었다.",
                                           fields=[tm.FieldValue(name="domain", value="war")]))
    check("the corrected pair is found with its new field", refound.matches[0].target == edited.en and edited.version > added.version, str(refound))
    expect_status("a stale version is ABORTED", grpc.StatusCode.ABORTED,
                  lambda: stub.UpdateSegment(tm.UpdateSegmentRequest(memory="python-fields", segment_id=added.segment_id,
                                                                     version=added.version, en="Too late.")))

    # The termbase: a term added, then named by a Lookup with its offsets (UTF-16, here one unit a syllable) and translation.
    term = stub.AddTerm(tm.AddTermRequest(memory="python-fields", entry=tm.TermEntry(ko="개성", en="Kaesong")))
    termed = stub.Lookup(tm.LookupRequest(memory="python-fields", text="휴전 회담은 개성에서 시작되었다."))
    check("Lookup names the term in the query with its translation",
          [(t.entry_id, t.start, t.length, t.translation) for t in termed.query_terms] == [(term.id, 7, 2, "Kaesong")], str(termed.query_terms))

    stats = stub.GetStats(tm.GetStatsRequest())
    check("GetStats lists the memories", {"default", "python", "python-stream"} <= {m.memory for m in stats.memories})

    def stalled():
        # A client stream that stalls past its deadline: the deadline expires mid-call, every time (a
        # near-zero timeout on a fast call is a race grpcio sometimes loses by finishing first).
        yield tm.ImportSegmentsRequest(memory="python-deadline", ko="휴전", en="armistice")
        time.sleep(1.0)
        yield tm.ImportSegmentsRequest(ko="정전", en="cease-fire")

    expect_status("expired deadline is DEADLINE_EXCEEDED", grpc.StatusCode.DEADLINE_EXCEEDED,
                  lambda: stub.ImportSegments(stalled(), timeout=0.3))
    stats_after = stub.GetStats(tm.GetStatsRequest())
    check("a call cut off by its deadline stores nothing",
          "python-deadline" not in {m.memory for m in stats_after.memories})

    unknown = channel.unary_unary("/tm.v1.TranslationMemory/NoSuchMethod",
                                  request_serializer=tm.LookupRequest.SerializeToString,
                                  response_deserializer=tm.LookupResponse.FromString)
    expect_status("unknown method is UNIMPLEMENTED", grpc.StatusCode.UNIMPLEMENTED, lambda: unknown(tm.LookupRequest(text="x")))

    expect_status("empty text is INVALID_ARGUMENT", grpc.StatusCode.INVALID_ARGUMENT,
                  lambda: stub.Lookup(tm.LookupRequest(text="")))
    error = expect_status("unknown memory is NOT_FOUND", grpc.StatusCode.NOT_FOUND,
                          lambda: stub.Lookup(tm.LookupRequest(memory="nowhere", text="소련의 정책")))
    check("NOT_FOUND message names the memory", "nowhere" in error.details(), error.details())

    health_pb2 = load_health_pb2()
    check_health = channel.unary_unary("/grpc.health.v1.Health/Check",
                                       request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
                                       response_deserializer=health_pb2.HealthCheckResponse.FromString)
    health = check_health(health_pb2.HealthCheckRequest())
    check("health check is SERVING", health.status == health_pb2.HealthCheckResponse.SERVING)

    print(f"interop: all {checks} checks ok")


if __name__ == "__main__":
    main(sys.argv[1])
