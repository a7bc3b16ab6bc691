/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in guides. Written for Convene; every string is translatable.
 * Change a guide's text only together with its version, so that databases
 * holding the older text are brought up to date.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cv-guide-library.h"

#define END_PROMPTS { NULL, NULL, NULL, { NULL } }
#define END_SECTIONS { NULL, NULL }

/* Planning ahead for the end of life */

static const CvBuiltinPrompt eol_matters[] = {
  { N_("What matters most to you at the moment?"),
    N_("Start here, before any talk of illness or services. Listen for people, places, "
       "routines and small pleasures. If the person finds it hard to answer, ask about a "
       "good day they had recently."),
    "free_text" },
  { N_("What are you hoping for, and what would you most like to avoid?"),
    N_("Hopes and fears can sit side by side. Write them in the person’s own words; do not "
       "tidy them into plans yet."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinPrompt eol_health[] = {
  { N_("How do you feel about your health just now? What have you been told about it?"),
    N_("Find out what the person already knows before offering anything new. If their "
       "understanding differs from the records, note it and agree who will talk it through "
       "with them; do not correct them on the spot."),
    "free_text" },
  { N_("Would you like more information about what might happen as your illness changes?"),
    N_("Some people want every detail and some want none. Both are fine. If the answer is "
       "no, say that they can ask at any time."),
    "yes_no" },
  { N_("Is anything worrying you, or keeping you awake at night?"),
    N_("Give this time and allow silences. If the person becomes upset, stop, acknowledge "
       "how they feel and ask whether they want to carry on now or another day. Pain or "
       "distress that needs attention today is passed on before you leave."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinPrompt eol_wishes[] = {
  { N_("If you became more unwell, where would you most like to be cared for?"),
    N_("This is a preference, not a promise. Explain that plans can change and that saying "
       "a place now does not stop them changing their mind."),
    "single_choice",
    { N_("At home"), N_("In a care home"), N_("In a hospice"), N_("In hospital"),
      N_("Not sure yet"), NULL } },
  { N_("Have you thought about where you would like to be when you die?"),
    N_("Ask gently and only if the conversation so far allows it. If the person does not "
       "want to talk about this, skip the question and note that they were offered it."),
    "single_choice",
    { N_("At home"), N_("In a care home"), N_("In a hospice"), N_("In hospital"),
      N_("Not sure yet"), N_("Would rather not say"), NULL } },
  { N_("Are there cultural, religious or spiritual wishes that we should know about, now or "
       "after death?"),
    N_("This can include prayer, diet, who may care for the body, rituals and the timing of "
       "a funeral. Do not assume from a faith or background; ask."),
    "free_text" },
  { N_("Have you thought about organ or tissue donation, and have you told anyone your "
       "wishes?"),
    N_("Mention that the law on consent differs between the nations of the UK and that "
       "family are always involved. Record only what the person chooses to say."),
    "single_choice",
    { N_("Wishes to donate"), N_("Does not wish to donate"), N_("Not decided"),
      N_("Would rather not discuss"), NULL } },
  END_PROMPTS
};

static const CvBuiltinPrompt eol_people[] = {
  { N_("Who would you like to be involved in decisions about your care?"),
    N_("Note names and relationships as the person gives them. Ask whether anyone holds a "
       "lasting power of attorney for health and welfare."),
    "free_text" },
  { N_("What do your family or the people close to you know about your wishes and about the "
       "support available to them?"),
    N_("Carers are often unaware of respite, carers’ assessments, hospice support and "
       "bereavement services. Offer information rather than assuming they have it."),
    "free_text" },
  { N_("Do you already have any plans or documents in place, such as an advance decision, a "
       "will or a do-not-attempt-resuscitation decision?"),
    N_("Ask where the documents are kept and who has copies. If a decision needs to be "
       "shared with the ambulance service or the GP, agree who will do it."),
    "yes_no" },
  END_PROMPTS
};

static const CvBuiltinPrompt eol_next[] = {
  { N_("How are you feeling after talking about this?"),
    N_("Ending well matters as much as the questions. Check how the person is, and make sure "
       "they know how to reach you or the team."),
    "scale" },
  { N_("What would you like to happen next, and when shall we talk again?"),
    N_("Agree one or two clear steps and who will take them. Put the follow-up date on the "
       "end page so that it appears in the list of follow-ups."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinSection eol_sections[] = {
  { N_("What matters to you"), eol_matters },
  { N_("Your health"), eol_health },
  { N_("Your wishes"), eol_wishes },
  { N_("The people around you"), eol_people },
  { N_("Next steps"), eol_next },
  END_SECTIONS
};

/* Getting home safely after a hospital stay */

static const CvBuiltinPrompt home_matters[] = {
  { N_("What matters most to you about going home?"),
    N_("Let the person set the agenda: a pet, a garden, their own bed, being near family. "
       "These are the reasons the plan has to work."),
    "free_text" },
  { N_("How confident do you feel about going home?"),
    N_("0 is not at all and 10 is completely. Ask what would move the number up by one; the "
       "answer often points straight at what needs arranging."),
    "scale" },
  END_PROMPTS
};

static const CvBuiltinPrompt home_living[] = {
  { N_("How were you managing at home before you came into hospital?"),
    N_("Ask about washing, dressing, meals, stairs, shopping and getting out. Compare with "
       "now: a change is a sign that support may be needed."),
    "free_text" },
  { N_("Is there anything you are finding harder now than before?"),
    N_("People often play difficulties down to get home sooner. Ask about specific tasks and "
       "listen for hesitation."),
    "free_text" },
  { N_("Can you take your medicines as they have been prescribed?"),
    N_("Check that new or changed medicines are understood, that the person can open the "
       "packs and that someone will collect repeat prescriptions."),
    "yes_no" },
  END_PROMPTS
};

static const CvBuiltinPrompt home_support[] = {
  { N_("Who helps you at home, and is anything changing for them?"),
    N_("Include family, friends and neighbours as well as paid carers. A carer who is "
       "struggling is a risk to the plan; offer a carer’s assessment."),
    "free_text" },
  { N_("What care or support has been arranged for your first days at home?"),
    N_("Confirm dates, times and names. If something has not been arranged yet, say so "
       "plainly and write down who is arranging it."),
    "free_text" },
  { N_("Do you have the equipment you need, and do you know how to use it?"),
    N_("Think of rails, a commode, a walking aid, a hospital bed or a key safe. Check that it "
       "will be delivered before the person gets home, not after."),
    "single_choice",
    { N_("Everything is in place"), N_("Some is still to come"), N_("None is needed"),
      N_("Not sure"), NULL } },
  END_PROMPTS
};

static const CvBuiltinPrompt home_risks[] = {
  { N_("Is there anything about being at home that worries you?"),
    N_("Falls, being alone at night, stairs, cold and money are common. Take each worry "
       "seriously and agree what could make it smaller."),
    "free_text" },
  { N_("Have you had a fall in the last year?"),
    N_("If yes, ask what happened and whether they could get up. A fall before admission "
       "usually means a falls assessment or a pendant alarm is worth offering."),
    "yes_no" },
  END_PROMPTS
};

static const CvBuiltinPrompt home_after[] = {
  { N_("Do you know who to call if you feel unwell or something goes wrong?"),
    N_("Give the names and numbers in writing and check that the person can read them. "
       "Include evenings and weekends."),
    "yes_no" },
  { N_("When is your first follow-up appointment or visit?"),
    N_("Use the date of the first visit or appointment that has been booked. If none has, "
       "skip this and make booking one a next step."),
    "date" },
  { N_("Is there anything else you would like us to know before you go home?"),
    N_("An open question at the end often brings out the most important worry of all."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinSection home_sections[] = {
  { N_("Going home"), home_matters },
  { N_("Daily living"), home_living },
  { N_("Support and equipment"), home_support },
  { N_("Risks and worries"), home_risks },
  { N_("After you are home"), home_after },
  END_SECTIONS
};

/* Recovery and wellbeing */

static const CvBuiltinPrompt rec_strengths[] = {
  { N_("What are you good at, or what do other people value in you?"),
    N_("Start from strengths, not problems. If the person struggles, ask what a friend "
       "would say about them."),
    "free_text" },
  { N_("What has helped you get through hard times before?"),
    N_("Listen for people, activities, faith, pets, places and habits. These are the "
       "building blocks of the plan."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinPrompt rec_goals[] = {
  { N_("What would you like to be different in six months’ time?"),
    N_("Help the person put the goal in their own words. Small and concrete is better than "
       "large and vague."),
    "free_text" },
  { N_("How are you feeling about life at the moment, on a scale from 0 to 10?"),
    N_("0 is the worst it could be and 10 the best. Repeat the question at later "
       "conversations to see change over time."),
    "scale" },
  { N_("What is one step you could take towards your goal in the next few weeks?"),
    N_("Agree something the person chooses and believes they can do. Note what support they "
       "would like with it."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinPrompt rec_support[] = {
  { N_("Who are the people you can turn to?"),
    N_("Include friends, family, peer supporters, groups and professionals. If the answer "
       "is nobody, treat that as important information, not a failure."),
    "free_text" },
  { N_("Would you like to be put in touch with a peer support worker or group?"),
    N_("Peer support is offered, never required. Explain what it involves in plain words."),
    "yes_no" },
  END_PROMPTS
};

static const CvBuiltinPrompt rec_crisis[] = {
  { N_("What are the early signs that things are getting harder for you?"),
    N_("Changes in sleep, appetite, mood or contact with people are common signs. Use the "
       "person’s own descriptions; they will recognise them later."),
    "free_text" },
  { N_("What helps when things get hard, and what makes them worse?"),
    N_("Both halves matter: what others should do and what they should avoid doing."),
    "free_text" },
  { N_("If you were in crisis, who should be contacted and what would you want to happen?"),
    N_("This is the crisis plan. Record names and numbers and the person’s wishes about "
       "treatment. If there is a current risk to the person or anyone else, follow your "
       "service’s safeguarding and crisis procedures now, before continuing."),
    "free_text" },
  { N_("Do you have somewhere safe to keep this plan, and who should have a copy?"),
    N_("Offer a printed or written copy. Sharing it with anyone else needs the person’s "
       "agreement."),
    "single_choice",
    { N_("Keep it myself"), N_("Share with family or a friend"), N_("Share with my GP"),
      N_("Share with my care team"), NULL } },
  END_PROMPTS
};

static const CvBuiltinPrompt rec_community[] = {
  { N_("Is there anything you would like to do more of, such as work, learning, "
       "volunteering or hobbies?"),
    N_("Think about what the local area offers: community groups, colleges, sports clubs, "
       "faith groups and volunteering. Social prescribing link workers can help."),
    "free_text" },
  { N_("Is anything getting in the way, such as money, housing, transport or confidence?"),
    N_("Practical barriers are often easier to shift than they look. Note who could help "
       "with each one."),
    "free_text" },
  END_PROMPTS
};

static const CvBuiltinSection rec_sections[] = {
  { N_("Strengths"), rec_strengths },
  { N_("Goals"), rec_goals },
  { N_("Support network"), rec_support },
  { N_("When things get hard"), rec_crisis },
  { N_("Taking part"), rec_community },
  END_SECTIONS
};

const CvBuiltinGuide cv_builtin_guides[] = {
  { "a777f086-8883-4280-b2d0-085b029ec552", 1,
    N_("Planning ahead for the end of life"),
    N_("Advance care planning"),
    N_("Nurses, social workers and care staff supporting people with a life-limiting illness"),
    N_("A conversation about what matters most to the person as their health changes: "
       "their wishes, their worries, and who should be involved. Go at the person’s pace. "
       "Any question can be skipped, and the conversation can be continued another day."),
    eol_sections },
  { "11b1e471-e207-41ab-8b6f-41ec01301f76", 1,
    N_("Getting home safely after a hospital stay"),
    N_("Hospital discharge"),
    N_("Ward staff, discharge coordinators and community teams"),
    N_("A conversation before or soon after someone leaves hospital, so that going home is "
       "safe and planned around what matters to them. Use it with the person and, if they "
       "wish, the people who support them at home."),
    home_sections },
  { "22a840ff-b58b-48d4-b193-addec2eb0868", 1,
    N_("Recovery and wellbeing"),
    N_("Mental health recovery"),
    N_("Mental health practitioners, support workers and peer workers"),
    N_("A conversation that starts from the person’s strengths and hopes, and ends with a "
       "plan they own, including what should happen if things get hard. Use the person’s own "
       "words wherever you can."),
    rec_sections },
};

const guint cv_n_builtin_guides = G_N_ELEMENTS (cv_builtin_guides);
