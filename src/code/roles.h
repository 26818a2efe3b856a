// Sentence-level roles for the event coder, computed from tokens and actor mentions without a
// parser: compound actor groups, the subject of a clause, the first object after a phrase,
// speech frames ("X said", "said X", "according to X"), passives and modality cues.
// Pure functions over plain data; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/annotations.h"

namespace parley::code {

// One sentence's view of the document: token range and the actor mentions inside it.
struct SentenceView {
  const std::vector<Token>* tokens = nullptr;
  std::string_view text;              // the document's text
  uint32_t first = 0, end = 0;        // token range
  std::vector<int32_t> actor_at;      // by token - first: actor index starting there, else -1
  std::vector<int32_t> actor_cover;   // by token - first: actor index covering it, else -1
  std::span<const uint32_t> mention_first, mention_end;  // by actor index (absolute tokens)
  std::vector<uint32_t> actors;       // actor indexes in this sentence, in order
  std::vector<uint8_t> capitalized;   // by token - first: a word starting with a capital (0/1); FillSentenceWords
  // by token - first: bits of the word lists the token is in, whether it is a speech verb
  // (IsSpeechVerb, not capitalised inside the sentence) and whether it is inside quotation marks
  // (roles.cc); computed once per token, asked for again and again.
  std::vector<uint32_t> word_class;
  uint32_t word_classes_any = 0;  // the union of word_class: a scan for a class absent from it is skipped
  // by token - first: ClauseStart of that token, computed in one pass (asked for per candidate).
  std::vector<uint32_t> clause_start;

  const Token& tok(uint32_t t) const { return (*tokens)[t]; }
  int32_t ActorAt(uint32_t t) const { return t >= first && t < end ? actor_at[t - first] : -1; }
  int32_t ActorCovering(uint32_t t) const { return t >= first && t < end ? actor_cover[t - first] : -1; }
};

// Per-document lookups built once, so that the work for one sentence is proportional to the
// sentence: the actors, times and places each sentence holds, and each actor's token span.
struct DocumentIndex {
  std::vector<std::vector<uint32_t>> actors, times, places;  // by sentence: indexes into cd
  std::vector<uint32_t> mention_first, mention_end;           // by actor: absolute tokens
};
DocumentIndex IndexDocument(const CodedDocument& cd);
// The same into `index`, reusing its buffers (a coder keeps one per thread in CoderScratch).
void IndexDocument(const CodedDocument& cd, DocumentIndex* index);

// Fills `view` for one sentence; its vectors keep their capacity from sentence to sentence.
void FillSentenceView(std::string_view text, const TextLayer& layer, uint32_t sentence,
                      const DocumentIndex& index, SentenceView* view);
// FillSentenceView in two steps, so that a sentence no pattern matches in costs only the first:
// the token range and actors (what PatternSet::Match reads, with the text), then capitalisation,
// word classes and clause starts (what the role finder reads).
void FillSentenceActors(std::string_view text, const TextLayer& layer, uint32_t sentence,
                        const DocumentIndex& index, SentenceView* view);
void FillSentenceWords(SentenceView* view);

// True when the actor is the object of a preposition ("with Ukraine", "in the U.S.").
bool IsPrepositionalObject(const SentenceView& v, uint32_t actor);

// True when the actor's mention is a possessive pronoun before a noun ("his tax returns",
// "their leaders"): it qualifies the noun and is not itself the object of a verb.
bool IsPossessivePronounBeforeNoun(const SentenceView& v, uint32_t actor);

// The possessor right before a nominal anchor ("Russia's full-scale invasion"), or -1.
int32_t PossessorBefore(const SentenceView& v, uint32_t anchor);

// The last mention of the cluster `actor` begins: "U.S. Secretary of State Marco Rubio" is one
// actor, named by its last mention.
int32_t ClusterHead(const SentenceView& v, uint32_t actor);

// The actors joined to `actor` by "and", "," or "as well as" ("Lavrov and Rubio").
std::vector<uint32_t> ActorGroup(const SentenceView& v, uint32_t actor);
// The same into `group` (cleared first), whose capacity a caller may reuse.
void ActorGroup(const SentenceView& v, uint32_t actor, std::vector<uint32_t>* group);

// The subject before token `anchor`: the nearest actor to the left that is not the object of
// a preposition, nor marked in `not_subjects` (objects of earlier event phrases), nor a
// possessor unless nothing else is. -1 when none.
int32_t SubjectBefore(const SentenceView& v, uint32_t anchor, const std::vector<bool>* not_subjects = nullptr);

// The subject of the clause that holds `anchor`. Like SubjectBefore, but a subordinate clause
// ("demanded that Soviet forces murdered ...", "the group that has seized ...") has its own
// subject: when that subject is not an actor, an actor outside the clause does not stand in
// for it. A relative clause without a subject of its own takes the actor it qualifies. When
// nothing else is found, the actor of a leading "of" phrase ("Thousands of Nigerians",
// "A member of the Syrian parliament") is the subject. -1 when none.
int32_t ClauseSubject(const SentenceView& v, uint32_t anchor, const std::vector<bool>* not_subjects);

// The actor a relative clause starting at `clause_start` qualifies ("Israel, which ..."), or -1
// when the clause is not a relative clause or qualifies something else.
int32_t RelativeAntecedent(const SentenceView& v, uint32_t clause_start);

// The first actor after token `from` in the same clause, skipping `skip` and agents of
// passives ("by X") unless `allow_by`. -1 when none.
int32_t ObjectAfter(const SentenceView& v, uint32_t from, int32_t skip, bool allow_by);

// True when token `t` (not a quotation mark) stands inside quotation marks.
bool InQuotation(const SentenceView& v, uint32_t t);

// True when the verb at `anchor` has "we" or "I" inside quotation marks as its subject (walking
// left over auxiliaries, negations and adverbs): the quotation's speaker is the actor.
bool FirstPersonSubject(const SentenceView& v, uint32_t anchor);

// True when token `anchor` is a verb in the passive voice ("was seized", "seized by").
bool IsPassive(const SentenceView& v, uint32_t anchor, uint32_t match_end);
// True when the passive verb at `anchor` has a subject of its own that is a singular noun and
// no actor ("the militant leader was killed by ..."): its target is that noun, not an actor or
// a place nearby.
bool PassiveSubjectIsNoActor(const SentenceView& v, uint32_t anchor);
// The agent of a passive: the actor after "by" following the match. -1 when none.
int32_t PassiveAgent(const SentenceView& v, uint32_t match_end);

struct SpeechFrame {
  uint32_t verb = 0;       // the speech verb token
  int32_t speaker = -1;    // actor index
  uint32_t content_first = 0, content_end = 0;  // tokens of what was said
};
// Speech frames of the sentence: "X said (that) ...", "..., X said", "... , said X",
// "according to X, ...".
std::vector<SpeechFrame> FindSpeechFrames(const SentenceView& v);
// The same into `frames` (cleared first), whose capacity a caller may reuse.
void FindSpeechFrames(const SentenceView& v, std::vector<SpeechFrame>* frames);

// The modality cue before the anchor in its clause: "negated", "hypothetical" or "".
std::string_view ModalityCue(const SentenceView& v, uint32_t clause_start, uint32_t anchor);

// The first token of the clause that holds `anchor` (after the last ; or clause comma).
uint32_t ClauseStart(const SentenceView& v, uint32_t anchor);

bool IsSpeechVerb(const std::string& norm);

}  // namespace parley::code
