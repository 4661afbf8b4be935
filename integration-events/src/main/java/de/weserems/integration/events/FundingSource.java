package de.weserems.integration.events;

/** Who pays for the course of an enrolment or completion (contract v2). New values go at the end (see {@link CourseType}). */
public enum FundingSource {
    /** BAMF under the integration course ordinance (IntV). */
    BAMF_INTV,
    /** BAMF under the ordinance on job-related German language support (DeuFöV). */
    BAMF_DEUFOEV,
    LAND_NIEDERSACHSEN,
    /** Jobcentre, basic income support for jobseekers (SGB II). */
    JOBCENTER_SGB2,
    /** Employment agency, employment promotion (SGB III). */
    EMPLOYMENT_AGENCY_SGB3,
    ESF_PLUS,
    MUNICIPALITY,
    SELF_PAID,
    OTHER
}
