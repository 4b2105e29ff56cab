CREATE TABLE "customer_period_activity" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"period" text NOT NULL,
	"start" date NOT NULL,
	"active" boolean NOT NULL,
	CONSTRAINT "customer_period_activity_workspace_id_customer_id_period_start_pk" PRIMARY KEY("workspace_id","customer_id","period","start")
);
--> statement-breakpoint
CREATE TABLE "lifecycle_counts" (
	"workspace_id" uuid NOT NULL,
	"period" text NOT NULL,
	"p" date NOT NULL,
	"status" text NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "lifecycle_counts_workspace_id_period_p_status_pk" PRIMARY KEY("workspace_id","period","p","status")
);
--> statement-breakpoint
CREATE TABLE "retention_cells" (
	"workspace_id" uuid NOT NULL,
	"period" text NOT NULL,
	"mode" text NOT NULL,
	"measure" text NOT NULL,
	"cohort" date NOT NULL,
	"p" date NOT NULL,
	"customers" integer NOT NULL,
	CONSTRAINT "retention_cells_workspace_id_period_mode_measure_cohort_p_pk" PRIMARY KEY("workspace_id","period","mode","measure","cohort","p")
);
--> statement-breakpoint
ALTER TABLE "customer_period_activity" ADD CONSTRAINT "customer_period_activity_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_counts" ADD CONSTRAINT "lifecycle_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_cells" ADD CONSTRAINT "retention_cells_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_period_activity_start_idx" ON "customer_period_activity" USING btree ("workspace_id","period","start");