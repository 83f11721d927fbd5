namespace ReviewPanel.Tests.Heuristics;

/// <summary>
/// The seed page (shared/seeds/devops-sre-p6.txt), copied verbatim: the tests run the reviewers on the real page
/// and on edits of it.
/// </summary>
internal static class SeedPage
{
    public const string Text = """
        DevOps & Site Reliability Engineering — P6
        INFRAS.DEVOPSSIA2C1.P6
        Focuses on the reliability, availability, and operational performance of production systems through Site Reliability Engineering and DevOps practices. Builds automation and tooling to reduce toil, defines and tracks SLIs/SLOs and error budgets, instruments observability pipelines (metrics, logs, traces), leads incident response and postmortems, and provisions infrastructure as code on cloud platforms. Distinct from platform/infrastructure-build focuses (which center on standing up core compute/network/storage) and from pure software development — this focus centers on engineering reliability into already-running services and the operational toolchain that supports them.
        Focuses on the reliability, availability, and operational performance of production systems through Site Reliability Engineering and DevOps practices. Builds automation and tooling to reduce toil, defines and tracks SLIs/SLOs and error budgets, instruments observability pipelines (metrics, logs, traces), leads incident response and postmortems, and provisions infrastructure as code on cloud platforms. Distinct from platform/infrastructure-build focuses (which center on standing up core compute/network/storage) and from pure software development — this focus centers on engineering reliability into already-running services and the operational toolchain that supports them.
        Focus — DevOps & Site Reliability Engineering
        Focuses on the reliability, availability, and operational performance of production systems through Site Reliability Engineering and DevOps practices. Builds automation and tooling to reduce toil, defines and tracks SLIs/SLOs and error budgets, instruments observability pipelines (metrics, logs, traces), leads incident response and postmortems, and provisions infrastructure as code on cloud platforms. Distinct from platform/infrastructure-build focuses (which center on standing up core compute/network/storage) and from pure software development — this focus centers on engineering reliability into already-running services and the operational toolchain that supports them.
        Material SKILL differential vs the function baseline.
        Responsibilities by level
        What this person actually does at each level on the professional track — escalating scope, not one generic blob. Your level is highlighted.
        - Performs basic troubleshooting and documents existing systems, monitoring solutions, and runbooks under guidance.
        - Contributes to automation scripts in Python and Bash and assists with implementation of monitoring solutions using tools like Prometheus and Grafana.
        - Joins the on-call rotation with phased onboarding — responding to alerts, following runbooks, escalating appropriately, and documenting actions taken.
        - Participates in incident response with supervision and executes defined reliability work and well-scoped improvements.
        - Provisions defined infrastructure changes using Terraform or CloudFormation templates against established patterns.
        - Independently owns reliability outcomes for a defined set of services, planning day-to-day work with milestone review.
        - Defines and improves SLOs and tracks error budgets for owned services using SLI/SLO frameworks.
        - Troubleshoots complex production issues across containerized (Kubernetes/Docker) and cloud (AWS/GCP/Azure) environments.
        - Contributes significantly to the development of automation frameworks and takes on more complex automation and toil-reduction tasks.
        - Leads smaller reliability projects and mentors junior engineers via pairing, code reviews, and incident leadership.
        - Designs and implements advanced automation across multiple services, selecting methods and tools (Python/Go, Terraform, CI/CD pipelines) to reduce toil at scale.
        - Leads major incident responses end-to-end, driving root-cause analysis and postmortems with cross-team coordination.
        - Drives architectural improvements and sets best practices for reliability engineering across a functional area.
        - Defines SLO frameworks for a group of services and influences product decisions based on reliability and error-budget data.
        - Coordinates across engineering groups and may lead or supervise project teams delivering reliability initiatives.
        - Architects organization-wide reliability strategies spanning multiple service domains and cloud platforms.
        - Acts independently on broad, strategic reliability assignments that contribute to company objectives.
        - Collaborates with leadership to align reliability goals with business objectives and influences long-term product direction.
        - Builds influential networks across engineering and serves as an internal/external spokesperson on reliability practices.
        - Defines enterprise SLO and observability standards and mentors senior engineers on complex reliability problems.
        - Defines enterprise-wide reliability strategy and holds architectural authority across the organization's production estate.
        - Owns cross-org reliability risk, anticipating systemic failure modes and shaping mitigation roadmaps spanning multiple quarters.
        - Solves the most challenging reliability problems with field-shaping, visionary approaches that influence system architecture broadly.
        - Provides high-level mentorship to senior and staff engineers and influences peer professionals across the industry.
        - Sets org-wide standards for automation, observability, and incident management adopted across all engineering teams.
        - Sets reliability direction that impacts company-wide engineering strategy and influences broader industry practices.
        - Anticipates emerging reliability and operational challenges, defining multi-year roadmaps and developing new models or frameworks for resilience at scale.
        - Solves ambiguous, precedent-free reliability problems with broad business consequences, operating with complete independence.
        - Networks with executives, regulators, and industry leaders to persuade and educate on strategic reliability priorities.
        - Shapes company-wide reliability capability through thought leadership, publications, and high-level mentorship of senior professionals.
        Level guidelines
        The universal leveling rubric applied to this function — how scope, complexity, collaboration, and experience step up across levels.
        | Level | Knowledge & Application | Complexity & Problem Solving | Collaboration & Interaction | Typical Degree & Years |
        |---|---|---|---|---|
        | P2 | Applies foundational knowledge of Linux/Unix administration, scripting (Python/Bash), and basic cloud and monitoring concepts to execute well-defined reliability tasks following runbooks and existing patterns. | Moderate complexity in familiar contexts; performs basic troubleshooting and documents findings, escalating issues beyond established procedures. | Builds productive working relationships within the immediate team; documents actions and escalates appropriately during on-call. | 2+ years with a BA/BS, or MS/PhD with no prior experience. |
        | P3 | Applies working knowledge of container orchestration, infrastructure-as-code, observability pipelines, and SLI/SLO concepts to independently own reliability for a set of services. | Evaluates identifiable factors to troubleshoot complex issues and define SLOs; plans own work with milestone review. | Networks with senior professionals, coordinates smaller project activities, and mentors junior engineers via pairing and incident leadership. | 5+ years (BA), 3 years (MA), or PhD without experience. |
        | P4 | Applies in-depth expertise across automation (Python/Go), CI/CD, cloud platforms, and SLO frameworks to drive architectural reliability improvements with functional impact. | Performs in-depth analysis of complex variables; selects methods and leads major incident response and root-cause resolution. | Coordinates across engineering groups, influences product decisions on reliability concerns, and may lead or supervise project teams. | 8+ years, often with graduate education. |
        | P5 | Applies expert, strategic knowledge of organization-wide reliability architecture, observability standards, and error-budget governance to broad and special assignments. | Addresses strategic issues involving intangibles with high independence, contributing to company objectives. | Builds influential networks across the organization, acts as a spokesperson on reliability, and mentors senior engineers on special tasks. | 12+ years with extensive reliability engineering expertise. |
        | P6 | Applies field-defining mastery of reliability engineering to set enterprise-wide strategy and hold architectural authority across the production estate. | Visionary, field-shaping problem-solving on the most challenging reliability problems and systemic cross-org risk. | Influences industry and company direction as a recognized thought leader; provides high-level mentorship to senior and staff engineers. | 15+ years as a principal reliability expert; often PhD plus industry leadership. |
        | P7 | Develops new theories, models, and frameworks for reliability that impact company-wide strategy and influence industry practice. | Solves ambiguous, precedent-free reliability problems with broad business and industry consequences; defines long-term roadmaps. | Networks with executives, boards, regulators, and industry leaders, persuading and educating on strategic reliability priorities. | 20+ years, or equivalent recognition (often PhD plus significant industry contributions, patents, or publications). |
        Skills
        Focus-specific skills the role applies — the relevance layer beyond the occupational base.
        - Programming/Scripting
        - Proficiency in Python for automation and tooling, Go for high-performance tools and services, Bash for scripting, Java, and increasingly Rust for systems programming.
        - Linux/Unix Systems
        - Expertise in administering Linux/Unix operating systems underpinning production services.
        - Cloud Platforms
        - Expertise in operating and provisioning services on AWS, Google Cloud Platform, or Azure.
        - Container Orchestration
        - Experience with Kubernetes and Docker to run scalable, resilient services.
        - Infrastructure as Code
        - Defines, versions, and provisions infrastructure declaratively using Terraform and CloudFormation for repeatability and auditability.
        - Monitoring and Observability
        - Builds metrics, logs, and traces pipelines using Prometheus, Grafana, Datadog, New Relic, OpenTelemetry, and the Elastic (ELK) stack.
        - CI/CD Pipelines
        - Builds software delivery pipelines with Jenkins, GitLab CI, and GitHub Actions.
        - Incident Management
        - Manages on-call rotations, incident response, and postmortem analysis using tools like PagerDuty.
        - SLI/SLO/Error Budgets
        - Defines and tracks Service Level Indicators and Objectives and manages error budgets to measure and govern reliability.
        - Automation/Toil Reduction
        - Reduces toil and enforces consistency through automation, aligning to the SRE model of spending at least 50% of time on engineering work.
        Provenance
        The evidence base behind this profile — every layer is sourced; quality is scored by an adversarial review panel (1–5; passes at ≥4 on the minimum dimension).
        Level — P6 — Principal Professional
        Top individual contributor; recognized authority with strategic impact, equivalent to a low executive level
        - Scope
        - Organization-wide architecture and the hardest problems
        - Autonomy
        - Defines direction; minimal oversight
        - Complexity
        - Strategic, open-ended problems shaping the technical future
        - Impact
        - Organization-wide
        - Decision rights
        - Sets technical strategy for a major area
        - Leadership
        - Recognized authority; multiplies many teams
        - Typical experience
        - 12–18 yrs
        Adjacent roles
        Nearest roles by structural coordinates (level + taxonomy). Distance 0 → 1; each carries its 3-state match band. How coordinates work → · Compare side-by-side →
        Title aliasesshow ▾
        No title aliases recorded for this profile yet.
        Classification mappingsshow ▾
        O*NET / SOC
        - code=15-1244source=jfm-factory.resolve
        """;
}
