/**
 * OIH Organization → SocialHub store (upsertStore's input). The store code is the record id the
 * flow knows for SocialHub (metadata.recordUid), or an explicit `organizationCode` in the data.
 */
export const organizationToStore = `{
  "organizationCode": organizationCode ? organizationCode : $metadata.recordUid,
  "organizationName": name,
  "enName": name,
  "nickName": nickName,
  "parentOrganizationCode": parentOrganizationCode,
  "type": type ? type : 99,
  "storeStatus": storeStatus ? storeStatus : 10
}`;
