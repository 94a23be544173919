# Runs inside `bin/rails runner`: enables REST, seeds a project with issues, prints the admin API key.
# ENV: SEED_COUNT (issues), SEED_CODES (comma-separated fake-but-valid personal codes).
Setting.rest_api_enabled = "1"
Setting.login_required = "1"
admin = User.find_by_login("admin")
admin.update_column(:must_change_passwd, false)
key = admin.api_key
project = Project.find_by_identifier("taitur") || Project.create!(name: "e-Täitur tugi", identifier: "taitur", is_public: false)
project.trackers = Tracker.all if project.trackers.empty?
project.enabled_module_names = %w[issue_tracking]
role = Role.find_by(name: "Manager") || Role.givable.first
Member.create!(principal: admin, project: project, roles: [role]) unless Member.exists?(user_id: admin.id, project_id: project.id)
statuses = IssueStatus.sorted.to_a
tracker = project.trackers.first
priorities = IssuePriority.active.to_a
codes = ENV.fetch("SEED_CODES", "").split(",")
subjects = ["Menetluse staatus ei muutu", "Võlgniku aadress on vale", "Arest jäi töötlemata", "Klassifikaatori kood puudub",
            "Toimingu kuupäev nihkes", "Sissenõudja makse ei jõudnud", "Täitmisteate šabloon vigane", "Žurnaali kanne dubleeritud"]
today = Date.today
now = Time.now.utc
# insert_all skips per-issue callbacks (nested set, journals, mail): seconds instead of half a minute.
rows = ENV.fetch("SEED_COUNT", "125").to_i.times.map do |n|
  subject = "#{subjects[n % subjects.size]} (menetlus #{1000 + n})"
  subject += " isikukood #{codes[n % codes.size]}" if !codes.empty? && n % 10 == 3
  { project_id: project.id, tracker_id: tracker.id, author_id: admin.id, assigned_to_id: (n % 25 == 24 ? nil : admin.id),
    status_id: statuses.first.id, priority_id: priorities[n % priorities.size].id, subject: subject,
    description: "Võlgnik Mänd, isikukood #{codes.first}. Palun kontrollida tabelit [dbo].[Menetlus].",
    start_date: today - 30, due_date: today + (n % 21) - 7, created_on: now - (n * 3600), updated_on: now - (n * 3600),
    lft: 1, rgt: 2, lock_version: 0, done_ratio: 0, is_private: false }
end
Issue.insert_all(rows)
Issue.where(root_id: nil).update_all("root_id = id")
puts "KEY=#{key}"
puts "PROJECT=#{project.id}"
