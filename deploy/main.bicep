// OutreachBot on Azure: a Linux App Service running the bot (.NET 10), Azure Table Storage reached with a
// user-assigned managed identity (no keys anywhere), the same identity as the bot's Microsoft App ID,
// an Azure Bot with the Teams channel, and workspace-based Application Insights.
targetScope = 'resourceGroup'

@description('Azure region for every regional resource. The Azure Bot itself is global.')
param location string = resourceGroup().location

@description('Name of the web app; the bot answers at https://<appName>.azurewebsites.net. Must be globally unique. Other resources are named after it (asp-<appName> must fit in 60 characters).')
@minLength(2)
@maxLength(56)
param appName string = 'outreachbot-${uniqueString(resourceGroup().id)}'

@description('Name (handle) of the Azure Bot resource. Must be globally unique.')
@minLength(2)
@maxLength(64)
param botName string = appName

@description('Display name of the bot in Teams and in the Azure portal.')
@maxLength(42)
param botDisplayName string = 'OutreachBot'

@description('App Service plan SKU. Always On needs Basic or above, so the free and shared tiers are not offered.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier: F0 is free (standard channels such as Teams are unlimited), S1 is paid.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Redundancy of the storage account that holds the bot\'s tables.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days the Log Analytics workspace keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags applied to every resource.')
param tags object = {}

var storageAccountName = 'st${uniqueString(resourceGroup().id, appName)}'
// Built-in role "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}'
  location: location
  tags: tags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    // Only Microsoft Entra ID (the managed identity) can reach the data: no account keys, no SAS.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-${appName}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Linux app settings cannot contain ':', so configuration sections are separated by '__'.
      appSettings: [
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        {
          name: 'Storage__Provider'
          value: 'AzureTables'
        }
        {
          name: 'Storage__AzureTables__Endpoint'
          value: storage.properties.primaryEndpoints.table
        }
        {
          // Lets DefaultAzureCredential pick the user-assigned identity for storage.
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenant().tenantId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
  dependsOn: [
    tableService
    tableDataContributor
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the web app to publish the bot to.')
output appName string = app.name

@description('Public URL of the bot\'s web app.')
output appUrl string = 'https://${app.properties.defaultHostName}'

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): BOT_ID for the Teams app package.')
output botId string = identity.properties.clientId

@description('Host name of the web app: BOT_DOMAIN for the Teams app package.')
output botDomain string = app.properties.defaultHostName

@description('Messaging endpoint registered on the Azure Bot.')
output messagingEndpoint string = bot.properties.endpoint

@description('Table service endpoint the bot stores its data in.')
output storageTableEndpoint string = storage.properties.primaryEndpoints.table
