// Parameters for deploy/main.bicep. Change appName and botName to names of your own: both must be globally unique.
using './main.bicep'

param appName = 'outreachbot-contoso'
param botName = 'outreachbot-contoso'
param botDisplayName = 'OutreachBot'
param appServicePlanSku = 'B1'
param botSku = 'F0'
param storageSku = 'Standard_LRS'
param logRetentionDays = 30
param tags = {
  product: 'OutreachBot'
}
