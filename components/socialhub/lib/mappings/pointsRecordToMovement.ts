/**
 * SocialHub points record → points movement (our model, schemas/pointsMovement.json): the
 * signed change (decreases negative), what caused it, its status and times in ISO 8601.
 */
export const pointsRecordToMovement = `{
  "recordId": $metadata.recordUid,
  "accountCode": accountCode,
  "pointsGroupCode": pointsGroupCode,
  "change": operationType in [7, 8, 9] ? -pointValue : pointValue,
  "operation": $lookup({"6": "behaviour increase", "7": "behaviour decrease", "8": "gift redemption", "9": "coupon redemption"}, $string(operationType)),
  "status": $lookup({"0": "effective", "1": "not yet effective", "2": "expired"}, $string(status)),
  "description": pointDesc,
  "operationId": operationId,
  "occurredAt": createTime ? $fromMillis(createTime),
  "lastModified": updateTime ? $fromMillis(updateTime),
  "expiresAt": effectiveEndTime ? $fromMillis(effectiveEndTime)
}`;
