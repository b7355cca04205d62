/**
 * MaestroQA coaching record → our coaching model (OIH has none; see README "Coaching model").
 * Coach and agent become OIH Person references (application + record id + name). Coaching points
 * and to-dos emitted on their own (`itemType`) get the same item shapes as inside a session.
 */
const point = `{
  "id": _id, "type": type, "classification": classification, "ticketId": ticketId, "subject": subject,
  "rubricName": rubricName, "criteriaName": criteriaName, "kpiName": kpiName, "score": score,
  "coachNotes": coachNotes, "agentNotes": agentNotes, "createdAt": createdAt, "updatedAt": updatedAt
}`;
const todo = `{
  "id": _id, "title": title, "description": description, "status": status, "type": type, "link": link,
  "creatorId": creatorId, "creatorName": creatorName, "completedAt": completedAt, "createdAt": createdAt, "updatedAt": updatedAt
}`;

export const coachingSessionToCoaching = `
itemType = 'coachingPoint' ? $merge([{"kind": "coachingPoint", "coachingSessionId": coachingSessionId}, ${point}]) :
itemType = 'todo' ? $merge([{"kind": "todo", "coachingSessionId": coachingSessionId}, ${todo}]) :
{
  "kind": "coachingSession",
  "id": _id,
  "templateId": coachingTemplateId,
  "templateName": coachingTemplateName,
  "formName": coachingFormName,
  "meetingFormat": meetingFormat,
  "meetingDate": meetingDate,
  "createdAt": createdAt,
  "updatedAt": updatedAt,
  "coach": coachId ? { "applicationUid": "maestroqa", "recordUid": coachId, "displayName": coachName },
  "agent": agentId ? { "applicationUid": "maestroqa", "recordUid": agentId, "displayName": agentName },
  "sharedWithAgent": sharedWithAgent,
  "coachConfirmed": coachConfirmed,
  "agentConfirmed": agentConfirmed,
  "coachNotes": coachNotes,
  "agentNotes": agentNotes,
  "points": $exists(coachingPoints) ? [coachingPoints[$not(isDeleted = true)].${point}],
  "todos": $exists(todos) ? [todos[$not(isDeleted = true)].${todo}]
}`;
